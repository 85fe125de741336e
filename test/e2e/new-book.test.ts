/**
 * "New book…" from the book switcher: a page that can be left (Cancel returns to the book it was
 * opened from) and that, once the book is made, opens the new book rather than the old one.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

describeInBrowser('a new book from the switcher', (ctx) => {
  it('cancels back to the book, or creates the book and opens it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId } = await signUpWithBook(page.request, 'Nina');
    const path = () => new URL(page.url()).pathname;

    await page.goto(`/books/${bookId}/budgets`);
    const switcher = page.getByRole('banner').getByRole('combobox');
    await switcher.selectOption({ label: 'New book…' });
    await page.getByRole('heading', { level: 1, name: 'New book' }).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Cancel, from the keyboard: back where the switcher was used.
    await page.getByRole('link', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(path).toBe(`/books/${bookId}/budgets`);

    await switcher.selectOption({ label: 'New book…' });
    await page.getByLabel('Name').fill('Holiday');
    await page.getByLabel('Base currency').selectOption('USD');
    await page.getByRole('button', { name: 'Create book' }).click();
    await expect.poll(path).toMatch(/^\/books\/\d+\/accounts$/);
    expect(path()).not.toBe(`/books/${bookId}/accounts`);
    await expect
      .poll(() => switcher.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent))
      .toBe('Holiday (USD)');
    // It stays there: nothing sends it back to the book it came from.
    await page.waitForTimeout(300);
    expect(path()).toMatch(/^\/books\/\d+\/accounts$/);
    expect(path()).not.toBe(`/books/${bookId}/accounts`);
    expect(problems()).toEqual([]);
  });
});
