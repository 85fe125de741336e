/**
 * A new book's first step in Chromium: the empty Categories page offers the starter sets in the
 * browser's language, and one click fills the book with groups and categories the register can use.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const SHOTS = new URL('../../reports/screenshots/', import.meta.url).pathname;

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

describeInBrowser('starter category sets', (ctx) => {
  it('fills an empty book with the household set, named in the browser’s language', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const { bookId } = await signUpWithBook(page.request, 'Greta');
    await page.goto(`/books/${bookId}/categories`);
    await page.getByRole('heading', { name: 'No categories yet' }).waitFor();
    const household = page.getByRole('radio', { name: /Household/ });
    expect(await household.isChecked()).toBe(true);
    // Each set shows what it holds before anything is made.
    await page.getByText('Lebensmittel, Restaurants').first().waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page, 'starter sets');
    mkdirSync(SHOTS, { recursive: true });
    for (const [width, scheme] of [
      [1280, 'light'],
      [390, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}starter-sets-${width}-${scheme}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });

    // From the keyboard: the detailed set, then add.
    await household.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Detailed/ }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.getByRole('button', { name: 'Add these categories' }).click();
    await page.getByRole('heading', { name: 'Essen', level: 3 }).waitFor();
    await page.getByRole('status').filter({ hasText: '20 categories added.' }).waitFor({ state: 'attached' });
    const names = await page.locator('.category-list .category-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Lebensmittel', 'Gehalt', 'Miete oder Kredit']));
    expect(names).toHaveLength(20);
    await expectNoAxeViolations(page, 'categories after the set');
    expect(problems()).toEqual([]);
  });
});
