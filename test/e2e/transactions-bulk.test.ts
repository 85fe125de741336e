/**
 * Bulk edits on the Transactions page in a real Chromium, at a desktop's and a phone's width:
 * select with a click, a shift-click and the keyboard; change the category of three and undo it;
 * delete two and undo it; a split refused in words; the count and total follow the filter.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** Seven transactions from Checking: four spends, a salary, a split and the opening balance. */
async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Ada');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: eur('2000.00'),
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  const salary = await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  const spend = (date: string, payeeName: string, lines: [number, string][]) => {
    const total = lines.reduce((sum, [, amount]) => sum + Math.round(Number(amount) * 100), 0);
    return post(`${base}/transactions`, {
      date,
      payeeName,
      postings: [
        { accountId: checking.id, amount: eur((-total / 100).toFixed(2)) },
        ...lines.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
      ],
    });
  };
  await spend('2025-03-01', 'Corner Market', [[groceries.id, '54.20']]);
  await spend('2025-03-05', 'Café Blue', [[dining.id, '12.50']]);
  await spend('2025-03-10', 'Corner Market', [[groceries.id, '8.30']]);
  await spend('2025-03-12', 'Bakery', [[dining.id, '5.00']]);
  await post(`${base}/transactions`, {
    date: '2025-03-15',
    payeeName: 'ACME',
    postings: [
      { accountId: checking.id, amount: eur('2500.00') },
      { accountId: salary.id, amount: eur('-2500.00') },
    ],
  });
  await spend('2025-03-20', 'Big Store', [
    [groceries.id, '60.00'],
    [dining.id, '40.00'],
  ]);
  return { bookId, base, dining: dining.id as number, groceries: groceries.id as number };
}

const rows = (page: Page) =>
  page.getByRole('list', { name: 'Transactions, newest first' }).getByRole('listitem');
const box = (page: Page, day: string) =>
  page.getByRole('checkbox', { name: `Select transaction of ${day}`, exact: false });
const bar = (page: Page) => page.getByRole('region', { name: 'Change the selected transactions' });
const summary = (page: Page) => page.locator('.txn-summary .txn-count');
const text = async (page: Page) => ((await summary(page).textContent()) ?? '').replace(/\s+/g, ' ');

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

async function screenshots(page: Page, name: string) {
  mkdirSync('reports', { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/${name}-${colorScheme}.png`, fullPage: false });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describeInBrowser('bulk edits of transactions', (ctx) => {
  for (const width of [1280, 390]) {
    it(`selects, changes, deletes and undoes many at once at ${width} px`, async () => {
      const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width, height: 900 } });
      const { bookId, base, dining, groceries } = await seed(page.request);
      const categoryOf = async (payee: string) => {
        const items = (
          await (await page.request.get(`${base}/transactions?q=${encodeURIComponent(payee)}`)).json()
        ).items as { postings: { accountId: number }[] }[];
        return items.map((item) => item.postings[1]!.accountId);
      };

      await page.goto(`/books/${bookId}/transactions`);
      await expect.poll(() => rows(page).count()).toBe(7);
      // Without an account or category filter the total is what moved.
      await expect.poll(() => text(page)).toBe('7 transactions · €4,680.00 moved');

      // A click, then a shift-click three rows down: the range between.
      await box(page, 'Mar 12, 2025').click();
      await bar(page).getByText('1 selected').waitFor();
      await box(page, 'Mar 5, 2025').click({ modifiers: ['Shift'] });
      await bar(page).getByText('3 selected').waitFor();
      expect(await box(page, 'Mar 10, 2025').isChecked()).toBe(true);
      expect(await box(page, 'Mar 15, 2025').isChecked()).toBe(false);

      // Recategorise the three in one request; the toast undoes it.
      await bar(page).getByRole('button', { name: 'Category' }).click();
      await bar(page).getByLabel('Category', { exact: true }).selectOption({ label: 'Groceries' });
      await noAxeViolations(page);
      if (width === 1280) await screenshots(page, `bulk-${width}-category`);
      await bar(page).getByRole('button', { name: 'Apply' }).click();
      const toast = page.getByRole('status').filter({ hasText: '3 transactions moved to Groceries.' });
      await toast.waitFor();
      // The form closed with the change done; the bar stays for the next one.
      expect(await bar(page).getByLabel('Category', { exact: true }).count()).toBe(0);
      await bar(page).getByText('3 selected').waitFor();
      if (width === 390) await screenshots(page, `bulk-${width}-toast`);
      expect(await categoryOf('Bakery')).toEqual([groceries]);
      expect(await categoryOf('Café Blue')).toEqual([groceries]);
      await expect.poll(() => text(page)).toBe('7 transactions · €4,680.00 moved');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await toast.waitFor({ state: 'detached' });
      expect(await categoryOf('Bakery')).toEqual([dining]);
      expect(await categoryOf('Café Blue')).toEqual([dining]);

      // Escape on a row clears the selection.
      await page.getByRole('button', { name: /^Edit: .*ACME/ }).focus();
      await page.keyboard.press('Escape');
      await bar(page).waitFor({ state: 'detached' });

      // From the keyboard: Space selects the focused row, the arrows move; then delete both, and undo.
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await bar(page).getByText('2 selected').waitFor();
      expect(await page.getByRole('form', { name: /Edit transaction/ }).count()).toBe(0);
      expect(await box(page, 'Mar 15, 2025').isChecked()).toBe(true);
      expect(await box(page, 'Mar 12, 2025').isChecked()).toBe(true);
      if (width === 390) await screenshots(page, `bulk-${width}-selected`);
      await bar(page).getByRole('button', { name: 'Delete' }).click();
      const deleted = page.getByRole('status').filter({ hasText: '2 transactions deleted.' });
      await deleted.waitFor();
      await expect.poll(() => rows(page).count()).toBe(5);
      await expect.poll(() => text(page)).toBe('5 transactions · €2,175.00 moved');
      expect(await bar(page).count()).toBe(0);
      // The focus is on Undo: the rows that had it are gone.
      await page.keyboard.press('Enter');
      await deleted.waitFor({ state: 'detached' });
      await expect.poll(() => rows(page).count()).toBe(7);
      await expect.poll(() => text(page)).toBe('7 transactions · €4,680.00 moved');

      // A split has no one category: refused in words, naming it, and nothing changed.
      await box(page, 'Mar 20, 2025').click();
      await box(page, 'Mar 1, 2025').click();
      await bar(page).getByRole('button', { name: 'Category' }).click();
      await bar(page).getByLabel('Category', { exact: true }).selectOption({ label: 'Dining' });
      await bar(page).getByRole('button', { name: 'Apply' }).click();
      const refusal = bar(page).getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Nothing was changed.');
      expect(await refusal.textContent()).toContain('The transaction of Mar 20, 2025 (Big Store) is split');
      expect(await categoryOf('Corner Market')).toEqual([groceries, groceries]);
      await noAxeViolations(page);
      await screenshots(page, `bulk-${width}-refused`);

      // The count and total follow the filter, seen from the category; a new filter drops the selection.
      const filters = page.getByRole('search');
      if (!(await filters.getByLabel('Category', { exact: true }).isVisible()))
        await filters.getByText('Filters', { exact: true }).click();
      await filters.getByLabel('Category', { exact: true }).selectOption({ label: 'Dining' });
      await expect.poll(() => text(page)).toBe('3 transactions · -€57.50');
      await expect.poll(() => rows(page).count()).toBe(3);
      expect(await bar(page).count()).toBe(0);
      // Seen from the account: the split's whole €100 left Checking.
      await filters.getByLabel('Account', { exact: true }).selectOption({ label: 'Checking' });
      await expect.poll(() => text(page)).toBe('3 transactions · -€117.50');
      await filters.getByLabel('Category', { exact: true }).selectOption({ label: 'All categories' });
      await expect.poll(() => text(page)).toBe('7 transactions · €4,320.00');
      await page.getByRole('checkbox', { name: 'Select all 7 shown' }).check();
      await bar(page).getByText('7 selected').waitFor();
      await screenshots(page, `bulk-${width}-all`);
      expect(problems()).toEqual([]);
    }, 90_000);
  }

  it('keeps the selection while more rows load, and a shift-click reaches into them', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId, base, post } = await signUpWithBook(page.request, 'Ada');
    const checking = await post(`${base}/accounts`, { name: 'Checking', type: 'asset', subtype: 'checking' });
    const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
    for (let day = 1; day <= 55; day++) {
      await post(`${base}/transactions`, {
        date: `2025-0${1 + Math.floor((day - 1) / 28)}-${String(((day - 1) % 28) + 1).padStart(2, '0')}`,
        payeeName: `Shop ${day}`,
        postings: [
          { accountId: checking.id, amount: eur('-1.00') },
          { accountId: dining.id, amount: eur('1.00') },
        ],
      });
    }
    await page.goto(`/books/${bookId}/transactions`);
    await expect.poll(() => rows(page).count()).toBe(50);
    await expect.poll(() => text(page)).toBe('55 transactions · €55.00 moved');
    await page.getByRole('checkbox', { name: 'Select transaction of Jan 8, 2025, Shop 8' }).click();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows(page).count()).toBe(55);
    await bar(page).getByText('1 selected').waitFor();
    await page
      .getByRole('checkbox', { name: 'Select transaction of Jan 3, 2025, Shop 3' })
      .click({ modifiers: ['Shift'] });
    await bar(page).getByText('6 selected').waitFor();
    await bar(page).getByRole('button', { name: 'Status' }).click();
    await bar(page).getByLabel('Status', { exact: true }).selectOption('cleared');
    await bar(page).getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: '6 transactions marked cleared.' }).waitFor();
    const cleared = await (await page.request.get(`${base}/transactions/summary?status=cleared`)).json();
    expect(cleared.count).toBe(6);
    expect(problems()).toEqual([]);
  }, 90_000);
});
