/**
 * All transactions in a real Chromium: search and filters live in the URL (and survive a reload),
 * a row opens in the register's editor, and a deletion can be undone.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

interface Seeded {
  bookId: number;
  checkingId: number;
  groceriesId: number;
}

/** Registers (which logs the page in) and writes a small ledger through the public API. */
async function seed(request: APIRequestContext): Promise<Seeded> {
  const { bookId, base, post } = await signUpWithBook(request, 'Ada');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: { amount: '2000.00', currency: 'EUR' },
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  const salary = await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const spend = (date: string, payeeName: string, description: string, lines: [number, string][]) => {
    const total = lines.reduce((sum, [, amount]) => sum + Math.round(Number(amount) * 100), 0);
    return post(`${base}/transactions`, {
      date,
      payeeName,
      description,
      postings: [
        { accountId: checking.id, amount: eur((-total / 100).toFixed(2)) },
        ...lines.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
      ],
    });
  };
  await spend('2025-03-01', 'Corner Market', 'Weekly shop', [[groceries.id, '54.20']]);
  await spend('2025-03-05', 'Café Blue', 'Coffee beans', [[dining.id, '12.50']]);
  await spend('2025-03-10', 'Corner Market', 'Milk and bread', [[groceries.id, '8.30']]);
  await post(`${base}/transactions`, {
    date: '2025-03-15',
    payeeName: 'ACME',
    description: 'March salary',
    postings: [
      { accountId: checking.id, amount: eur('2500.00') },
      { accountId: salary.id, amount: eur('-2500.00') },
    ],
  });
  await spend('2025-03-20', 'Big Store', 'Household run', [
    [groceries.id, '60.00'],
    [dining.id, '40.00'],
  ]);
  return { bookId: bookId, checkingId: checking.id, groceriesId: groceries.id };
}

const rows = (page: Page) =>
  page.getByRole('list', { name: 'Transactions, newest first' }).getByRole('listitem');

async function rowTexts(page: Page): Promise<string[]> {
  return (await rows(page).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describeInBrowser('all transactions', (ctx) => {
  it('filters by category and text in the URL, keeps them on reload, edits, deletes and undoes', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, groceriesId } = await seed(page.request);

    await page.goto(`/books/${bookId}/transactions`);
    await page.getByRole('heading', { level: 1, name: 'Transactions' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(6);
    const all = await rowTexts(page);
    // Newest first, seen from the account: the split names its lines, the opening balance its equity.
    expect(all[0]).toContain('Big Store');
    expect(all[0]).toContain('Checking · Split (2)');
    expect(all[0]).toContain('-€100.00');
    expect(all[1]).toContain('Salary → Checking');
    expect(all[1]).toContain('€2,500.00');
    expect(all[5]).toContain('Opening Balances → Checking');

    // Filter by category: straight into the URL.
    await page.getByLabel('Category').selectOption({ label: 'Groceries' });
    await expect.poll(() => new URL(page.url()).searchParams.get('categoryId')).toBe(String(groceriesId));
    await expect.poll(() => rows(page).count()).toBe(3);
    expect((await rowTexts(page)).every((text) => /Corner Market|Big Store/.test(text))).toBe(true);

    // And by text: after a pause in typing.
    await page.getByRole('searchbox', { name: 'Search' }).fill('milk');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('milk');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect((await rowTexts(page))[0]).toContain('Milk and bread');

    // The view is in the address: a reload shows the same.
    const address = page.url();
    expect(address).toContain(`categoryId=${groceriesId}`);
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect((await rowTexts(page))[0]).toContain('Milk and bread');
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('milk');
    expect(await page.getByLabel('Category').inputValue()).toBe(String(groceriesId));
    expect(page.url()).toBe(address);

    // Nothing matches: the page says how to get out.
    await page.getByRole('searchbox', { name: 'Search' }).fill('no such thing');
    await page.getByRole('heading', { name: 'No matching transactions' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => rows(page).count()).toBe(6);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');

    // Edit from the list, from the keyboard: Enter opens the row in the register's editor.
    await page.getByRole('searchbox', { name: 'Search' }).fill('coffee');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('button', { name: /^Edit: .*Café Blue/ }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('form', { name: /Edit transaction/ });
    await editor.waitFor();
    expect(await editor.getByLabel('Description').inputValue()).toBe('Coffee beans');
    expect(await editor.getByLabel('Out').inputValue()).toBe('12.50');
    await editor.getByLabel('Description').fill('Coffee beans, 1 kg');
    await editor.getByLabel('Out').fill('14.90');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await rowTexts(page))[0]).toContain('Coffee beans, 1 kg');
    expect((await rowTexts(page))[0]).toContain('-€14.90');
    expect((await rowTexts(page))[0]).toContain('Checking → Dining');

    // Delete, then undo.
    await page.getByRole('button', { name: /^Delete transaction of Mar 5, 2025/ }).click();
    await page.getByRole('heading', { name: 'No matching transactions' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Transaction deleted.' }).waitFor();
    const api = async () =>
      (await (await page.request.get(`/api/v1/books/${bookId}/transactions?q=coffee`)).json()).items;
    expect(await api()).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect((await rowTexts(page))[0]).toContain('Coffee beans, 1 kg');
    const [restored] = await api();
    expect(restored.description).toBe('Coffee beans, 1 kg');
    expect(restored.payee.name).toBe('Café Blue');
    expect(restored.total).toEqual({ amount: '14.90', currency: 'EUR' });

    expect(problems()).toEqual([]);
  });

  it('never lets the search box and the results disagree, even when Search follows the typing at once', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId } = await seed(page.request);
    await page.goto(`/books/${bookId}/transactions?q=milk`);
    await expect.poll(() => rows(page).count()).toBe(1);
    const box = page.getByRole('searchbox', { name: 'Search' });

    // A bound changed and the box cleared, then Search well within the pause that would hand
    // them on by themselves: both reach the URL, neither undoes the other.
    await page.getByLabel('Amount at least').fill('1');
    await box.fill('');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?minAmount=1.00');
    await expect.poll(() => rows(page).count()).toBe(6);
    // Long after the pause, nothing brings the old text back.
    await page.waitForTimeout(600);
    expect(await box.inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('q')).toBe(null);
    expect(await rows(page).count()).toBe(6);

    // Typed and submitted with Enter at once: the new text, never the old.
    await box.fill('coffee');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('coffee');
    await expect.poll(() => rows(page).count()).toBe(1);
    await box.fill('');
    await box.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(6);
    await page.waitForTimeout(600);
    expect(await box.inputValue()).toBe('');
    expect(await rows(page).count()).toBe(6);
    expect(problems()).toEqual([]);
  });

  it('says what to do when the book has no transactions at all', async () => {
    const { page, problems } = await ctx.newPage();
    const { bookId } = await signUpWithBook(page.request, 'Bo');
    await page.goto(`/books/${bookId}/transactions?status=cleared&minAmount=5`);
    // A bookmarked filter on an empty book: no matches, so the page offers to clear them.
    await page.getByRole('heading', { name: 'No matching transactions' }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('cleared');
    expect(await page.getByLabel('Amount at least').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('heading', { name: 'No transactions yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Accounts' }).last().getAttribute('href')).toBe(
      `/books/${bookId}/accounts`,
    );
    expect(problems()).toEqual([]);
  });
});
