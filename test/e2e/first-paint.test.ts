/**
 * The first paint does not wait for the session: while `/auth/me` is still on its way, the page
 * already shows the app's frame (brand, sections, a main area saying it is loading), laid out where
 * the real page will be, so nothing jumps when it arrives.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

describeInBrowser('first paint', (ctx) => {
  it.each([1280, 390])(
    'paints the shell at once and the page into it when the session answers (%i px)',
    async (width) => {
      const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width, height: 800 } });
      const { bookId } = await signUpWithBook(page.request, 'Paula');
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/v1/auth/me', async (route) => {
        await held;
        await route.continue();
      });

      await page.goto(`/books/${bookId}/budgets`);
      const sections = page.getByRole('navigation', { name: 'Sections' });
      await sections.waitFor({ timeout: 5000 });
      expect(await sections.getByRole('link').count()).toBe(11);
      expect(await page.getByRole('banner').getByText('Moneta').count()).toBe(1);
      const main = page.getByRole('main');
      expect(await main.getAttribute('aria-busy')).toBe('true');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      const before = await main.boundingBox();

      release();
      await page.getByRole('heading', { level: 1, name: 'Budgets' }).waitFor();
      expect(await main.getAttribute('aria-busy')).toBeNull();
      const after = await main.boundingBox();
      expect([after?.x, after?.y]).toEqual([before?.x, before?.y]);
      expect(problems()).toEqual([]);
    },
  );
});
