/**
 * The envelope fill helpers in a real Chromium: "Copy last month" fills every envelope of the month
 * in one request, from the keyboard, and Undo puts back what each held before, in one request too.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const before = new Date(now.getFullYear(), now.getMonth() - 1, 10);
const lastMonth = `${before.getFullYear()}-${pad(before.getMonth() + 1)}`;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function seed(request: APIRequestContext) {
  const { bookId, base, send } = await signUpWithBook(request, 'Fay');
  const checking = await send('post', `${base}/accounts`, { name: 'Checking', type: 'asset' });
  const groceries = await send('post', `${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await send('post', `${base}/categories`, { name: 'Dining out', kind: 'expense' });
  const salary = await send('post', `${base}/categories`, { name: 'Salary', kind: 'income' });
  const transaction = (account: number, category: number, amount: string) =>
    send('post', `${base}/transactions`, {
      date: `${lastMonth}-10`,
      postings: [
        { accountId: account, amount: eur(amount.startsWith('-') ? amount.slice(1) : `-${amount}`) },
        { accountId: category, amount: eur(amount) },
      ],
    });
  await transaction(checking.id, salary.id, '-1000.00');
  await transaction(checking.id, groceries.id, '80.00');
  await send('put', `${base}/envelope/settings`, { enabled: true, startMonth: lastMonth });
  await send('put', `${base}/envelope/assignments`, {
    cells: [
      { month: lastMonth, categoryId: groceries.id, amount: eur('100.00') },
      { month: thisMonth, categoryId: dining.id, amount: eur('5.00') },
    ],
  });
  return { bookId };
}

const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

describeInBrowser('envelope fill helpers', (ctx) => {
  it('copies last month into every envelope from the keyboard, and one Undo restores the month', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    const { bookId } = await seed(page.request);
    await page.goto(`/books/${bookId}/budgets`);
    const section = page.getByRole('region', { name: 'Envelope budgeting' });
    const tbb = section.locator('.envelope-tbb');
    const groceries = section.getByLabel('Assigned to Groceries');
    const dining = section.getByLabel('Assigned to Dining out');
    // Last month: 1000 in, 100 assigned; this month 5 assigned to dining out.
    await expect.poll(() => text(tbb)).toContain('To be budgeted €895.00');

    const helpers = section.getByRole('group', { name: 'Fill every envelope of the month' });
    await helpers.getByRole('button', { name: 'Copy last month' }).focus();
    await page.keyboard.press('Enter');
    const toast = page.getByRole('status').filter({ hasText: 'copied from last month' });
    await expect.poll(() => text(toast)).toBe('Assigned: 2 categories copied from last month. Undo');
    await expect.poll(() => text(tbb)).toContain('To be budgeted €800.00');
    await expect.poll(() => groceries.inputValue()).toBe('100.00');
    expect(['', '0.00']).toContain(await dining.inputValue());

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    await toast.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(tbb)).toContain('To be budgeted €895.00');
    await expect.poll(() => dining.inputValue()).toBe('5.00');
    expect(['', '0.00']).toContain(await groceries.inputValue());
    await expect.poll(() => toast.count()).toBe(0);

    // Last month's spending: groceries 80.
    await helpers.getByRole('button', { name: 'Last month’s spending' }).click();
    await expect.poll(() => groceries.inputValue()).toBe('80.00');
    await expect.poll(() => text(tbb)).toContain('To be budgeted €820.00');

    expect(problems()).toEqual([]);
  });
});
