/**
 * The reports in a real Chromium: each page under the sub-navigation with the range in the URL,
 * exact figures from a small ledger (a transfer between own accounts counts as neither income nor
 * expense), a Sankey drawn with links, a CSV download for each, and no accessibility violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Rita');
  const account = (name: string, subtype: string, amount: string) =>
    post(`${base}/accounts`, {
      name,
      type: 'asset',
      subtype,
      openingBalance: { amount, currency: 'EUR' },
      openingDate: '2025-01-01',
    });
  const checking = await account('Checking', 'checking', '2000.00');
  const savings = await account('Savings', 'savings', '0.00');
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  const salary = await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const move = (date: string, description: string, from: number, to: number, amount: string) =>
    post(`${base}/transactions`, {
      date,
      description,
      postings: [
        { accountId: from, amount: eur(`-${amount}`) },
        { accountId: to, amount: eur(amount) },
      ],
    });
  await move('2025-03-01', 'Weekly shop', checking.id, groceries.id, '54.20');
  await move('2025-03-05', 'Coffee', checking.id, dining.id, '12.50');
  await move('2025-03-10', 'Milk', checking.id, groceries.id, '8.30');
  await move('2025-03-15', 'March salary', salary.id, checking.id, '2500.00');
  await move('2025-03-20', 'Put aside', checking.id, savings.id, '500.00');
  // After March, so the March figures above stay as they are.
  await move('2025-04-05', 'Dinner out', savings.id, dining.id, '20.00');
  return {
    bookId: bookId as number,
    groceriesId: groceries.id as number,
    checkingId: checking.id as number,
    savingsId: savings.id as number,
  };
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function checkCsvAndAxe(page: Page) {
  const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  expect(href).toContain('format=csv');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const header = (await csv.text()).split(/\r?\n/)[0]!;
  expect(header).toMatch(/^[a-z_]+,[^\d]/);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

describeInBrowser('reports', (ctx) => {
  it('shows every report with exact figures, a Sankey, CSV downloads and no axe violations', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, groceriesId } = await seed(page.request);
    const range = 'from=2025-03-01&to=2025-03-31';
    const open = async (report: string, heading: string | RegExp) => {
      await page.goto(`/books/${bookId}/reports/${report}?${range}`);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.locator('.report [aria-busy="true"]').waitFor({ state: 'detached' });
    };

    // Spending by category: the transfer is not spending; categories drill down to transactions.
    await open('spending', 'Spending by category');
    expect(await text(page, '.report .big-number')).toBe('Total: €75.00');
    const groceries = page.getByRole('link', { name: 'Groceries' });
    expect(await groceries.getAttribute('href')).toBe(
      `/books/${bookId}/transactions?categoryId=${groceriesId}&from=2025-03-01&to=2025-03-31`,
    );
    expect(await page.getByRole('row', { name: /Groceries/ }).textContent()).toContain('€62.50');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('03/01/2025');
    await checkCsvAndAxe(page);

    // The sub-navigation keeps the range.
    await page
      .getByRole('navigation', { name: 'Reports' })
      .getByRole('link', { name: 'Income vs expense' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Income vs expense' }).waitFor();
    expect(page.url()).toContain(range);
    await page.locator('.report [aria-busy="true"]').waitFor({ state: 'detached' });
    const totals = await text(page, '.report-summary');
    expect(totals).toContain('Income€2,500.00');
    expect(totals).toContain('Expense€75.00');
    expect(totals).toContain('Net savings€2,425.00');
    expect(totals).toContain('Savings rate97%');
    await checkCsvAndAxe(page);

    await open('net-worth', 'Net worth over time');
    expect(await page.getByRole('row', { name: /3\/31\/2025/ }).textContent()).toContain('€4,425.00');
    await checkCsvAndAxe(page);

    await open('cash-flow', 'Cash flow');
    await expect.poll(() => page.locator('svg.sankey path.sankey-link').count()).toBe(4);
    expect(await page.locator('svg.sankey rect.sankey-node').count()).toBe(5);
    expect(await page.getByRole('row', { name: /Budget Savings/ }).textContent()).toContain('€2,425.00');
    await checkCsvAndAxe(page);

    await open('balance-sheet', /^Balance sheet at/);
    expect(await page.getByRole('row', { name: /Total assets/ }).textContent()).toContain('€4,425.00');
    await checkCsvAndAxe(page);

    await open('income-statement', 'Income statement');
    expect(await text(page, '.report .big-number')).toBe('Net income: €2,425.00');
    await checkCsvAndAxe(page);

    await page.goto(`/books/${bookId}/reports/trend?${range}&categoryId=${groceriesId}`);
    await page.getByRole('heading', { level: 2, name: 'Category trend' }).waitFor();
    await page.locator('.report-summary').waitFor();
    expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe(String(groceriesId));
    expect(await text(page, '.report-summary')).toContain('Total€62.50');
    await checkCsvAndAxe(page);

    // A preset rewrites the range in the address.
    await page.getByRole('button', { name: 'This year' }).click();
    const year = new Date().getFullYear();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(`${year}-01-01`);
    expect(new URL(page.url()).searchParams.get('to')).toBe(`${year}-12-31`);

    expect(problems()).toEqual([]);
  });

  it('filters reports through the address and breaks net worth down by account', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, groceriesId, savingsId, checkingId } = await seed(page.request);
    const waitLoaded = () => page.locator('.report [aria-busy="true"]').waitFor({ state: 'detached' });
    const total = async (expected: string) =>
      expect.poll(() => text(page, '.report .big-number')).toBe(`Total: ${expected}`);
    const csvHref = async () =>
      (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!;

    await page.goto(`/books/${bookId}/reports/spending?from=2025-03-01&to=2025-04-30`);
    await page.getByRole('heading', { level: 2, name: 'Spending by category' }).waitFor();
    await waitLoaded();
    await total('€95.00');
    expect(await text(page, '.report-filters summary')).toBe('Filters (0 active)');

    // One category.
    await page.getByText('Filters (0 active)').click();
    await page.getByLabel('Categories').selectOption(String(groceriesId));
    await total('€62.50');
    expect(new URL(page.url()).searchParams.get('categoryIds')).toBe(String(groceriesId));
    expect(await text(page, '.report-filters summary')).toBe('Filters (1 active)');
    expect(await csvHref()).toContain(`categoryIds=${groceriesId}`);
    const csv = await page.request.get(await csvHref());
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain('Dining');

    // Cleared, then one account: only the April dinner was paid from savings.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await total('€95.00');
    expect(new URL(page.url()).searchParams.has('categoryIds')).toBe(false);
    await page.getByLabel('Accounts').selectOption(String(savingsId));
    await total('€20.00');
    expect(await page.getByRole('row', { name: /Dining/ }).textContent()).toContain('€20.00');
    expect(await csvHref()).toContain(`accountIds=${savingsId}`);
    await page.getByLabel('Accounts').selectOption(String(checkingId));
    await total('€75.00');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // Filters travel with the sub-navigation; the balance sheet takes none, net worth only accounts.
    await page
      .getByRole('navigation', { name: 'Reports' })
      .getByRole('link', { name: 'Balance sheet' })
      .click();
    await page.getByRole('heading', { level: 2, name: /^Balance sheet at/ }).waitFor();
    await waitLoaded();
    expect(await page.locator('.report-filters').count()).toBe(0);
    expect(await csvHref()).not.toContain('accountIds');

    // Net worth per day, each account's balance at each point.
    await page.goto(`/books/${bookId}/reports/net-worth?from=2025-03-18&to=2025-03-21`);
    await page.getByRole('heading', { level: 2, name: 'Net worth over time' }).waitFor();
    await waitLoaded();
    expect(await page.getByLabel('Categories').count()).toBe(0);
    await page.getByRole('button', { name: 'By day' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toBe('day');
    await expect.poll(() => page.locator('.net-worth-breakdown thead th').count()).toBe(5);
    const checking = await page.getByRole('row', { name: /^Checking/ }).textContent();
    expect(checking).toBe('Checking€4,425.00€4,425.00€3,925.00€3,925.00');
    expect(await page.getByRole('row', { name: /^Savings/ }).textContent()).toBe(
      'Savings€0.00€0.00€500.00€500.00',
    );
    const latest = await text(page, '.net-worth-accounts');
    expect(latest).toContain('Checking€3,925.00');
    expect(latest).toContain('Savings€500.00');
    expect(await page.getByRole('heading', { level: 3 }).first().textContent()).toBe(
      'By account at 3/21/2025',
    );
    expect(await csvHref()).toContain('interval=day');

    // Only one account.
    await page.getByText('Filters (0 active)').click();
    await page.getByLabel('Accounts').selectOption(String(savingsId));
    await expect.poll(() => page.getByRole('row', { name: /^Checking/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /3\/21\/2025/ }).textContent()).toContain('€500.00');
    expect(await csvHref()).toContain(`accountIds=${savingsId}`);
    await checkCsvAndAxe(page);

    expect(problems()).toEqual([]);
  });
});
