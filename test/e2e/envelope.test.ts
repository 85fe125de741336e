/**
 * Envelope budgeting in a real Chromium: income and spending recorded through the API, then envelope
 * mode turned on, money assigned and moved through the page, and the balances read back.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Eve');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: { amount: '0.00', currency: 'EUR' },
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  await post(`${base}/categories`, { name: 'Dining out', kind: 'expense' });
  const salary = await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  await post(`${base}/transactions`, {
    date: today,
    payeeName: 'Employer',
    postings: [
      { accountId: checking.id, amount: eur('1000.00') },
      { accountId: salary.id, amount: eur('-1000.00') },
    ],
  });
  await post(`${base}/transactions`, {
    date: today,
    payeeName: 'Corner Market',
    postings: [
      { accountId: checking.id, amount: eur('-120.00') },
      { accountId: groceries.id, amount: eur('120.00') },
    ],
  });
  return { bookId: bookId as number };
}

const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

describeInBrowser('envelope budgeting', (ctx) => {
  it('assigns money, shows overspending in words, covers it with a move and undoes it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    const { bookId } = await seed(page.request);

    await page.goto(`/books/${bookId}/budgets`);
    const section = page.getByRole('region', { name: 'Envelope budgeting' });
    const toggle = section.getByRole('switch');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);

    const tbb = section.locator('.envelope-tbb');
    await expect.poll(() => tbb.count()).toBe(1);
    await expect.poll(() => text(tbb)).toContain('To be budgeted €1,000.00');
    expect(page.url()).not.toContain('month='); // the current month, until one is picked

    const groceries = section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Groceries' }) });
    const dining = section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Dining out' }) });

    await section.getByLabel('Assigned to Groceries').fill('100');
    await section.getByLabel('Assigned to Groceries').press('Enter');
    await expect.poll(() => text(tbb)).toContain('To be budgeted €900.00');
    await expect.poll(() => text(groceries.getByTestId('balance'))).toBe('-€20.00 overspent');

    // Another envelope, filled on blur, then 20.00 moved from it into the overspent one.
    await section.getByLabel('Assigned to Dining out').fill('50');
    await section.getByLabel('Assigned to Dining out').blur();
    await expect.poll(() => text(tbb)).toContain('To be budgeted €850.00');

    const move = section.getByRole('form', { name: 'Move money' });
    await move.getByLabel('From', { exact: true }).selectOption({ label: 'Dining out' });
    await move.getByLabel('To', { exact: true }).selectOption({ label: 'Groceries' });
    await move.getByLabel('Amount to move').fill('20');
    await move.getByRole('button', { name: 'Move money' }).click();
    await expect.poll(() => text(groceries.getByTestId('balance'))).toBe('€0.00');
    expect(await text(dining.getByTestId('balance'))).toBe('€30.00');
    expect(await text(tbb)).toContain('To be budgeted €850.00');
    expect(await section.getByLabel('Assigned to Groceries').inputValue()).toBe('100.00');

    const moves = section.getByRole('list', { name: 'Moves this month' }).getByRole('listitem');
    await expect.poll(() => moves.count()).toBe(1);
    expect(await text(moves.first())).toContain('€20.00 from Dining out to Groceries');

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    // Undo the move: Groceries is overspent again.
    await moves.first().getByRole('button', { name: 'Undo the move from Dining out to Groceries' }).click();
    await expect.poll(() => text(groceries.getByTestId('balance'))).toBe('-€20.00 overspent');

    // The month is kept in the URL; the next month carries the balances forward.
    await section.getByRole('button', { name: 'Next month' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('month')).toMatch(/^\d{4}-\d{2}$/);
    await expect.poll(() => text(dining.getByTestId('balance'))).toBe('€50.00');

    expect(problems()).toEqual([]);
  });
});

describeInBrowser('envelope budgeting in a dollar book', (ctx) => {
  it('draws a real switch, starts from the money in the accounts and offers no month before the start', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const { post } = await signUpWithBook(page.request, 'Dan');
    const book = await post('/api/v1/books', { name: 'Dollars', baseCurrency: 'USD' });
    const base = `/api/v1/books/${book.id}`;
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    const checking = await post(`${base}/accounts`, {
      name: 'Checking',
      type: 'asset',
      subtype: 'checking',
      openingBalance: usd('2500.00'),
      openingDate: '2025-01-01',
    });
    const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
    await post(`${base}/transactions`, {
      date: today,
      postings: [
        { accountId: checking.id, amount: usd('-120.00') },
        { accountId: groceries.id, amount: usd('120.00') },
      ],
    });

    await page.goto(`/books/${book.id}/budgets`);
    const section = page.getByRole('region', { name: 'Envelope budgeting' });
    const toggle = section.getByRole('switch');
    await toggle.waitFor();
    expect(await text(section)).not.toMatch(/euro/i);
    // A switch, drawn as one: wider than tall, and its look changes when it is turned on.
    const box = (await toggle.boundingBox())!;
    expect(box.width).toBeGreaterThan(box.height * 1.4);
    const look = () => toggle.evaluate((el) => getComputedStyle(el).backgroundColor);
    const off = await look();
    await toggle.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(look).not.toBe(off);
    await expect.poll(() => toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    // The money in Checking when the budget starts is there to assign; nothing shows overspent once it is.
    const tbb = section.locator('.envelope-tbb');
    await expect.poll(() => text(tbb).catch(() => '')).toContain('To be budgeted $2,500.00');
    expect(await text(tbb)).toContain('In your accounts at the start $2,500.00');
    await section.getByLabel('Assigned to Groceries').fill('120');
    await section.getByLabel('Assigned to Groceries').press('Enter');
    await expect.poll(() => text(tbb)).toContain('To be budgeted $2,380.00');
    expect(await section.getByText('overspent').count()).toBe(0);

    // The budget starts this month: no month before it, by button or by address.
    const previous = section.getByRole('button', { name: 'Previous month' });
    expect(await previous.isDisabled()).toBe(true);
    await section.getByRole('button', { name: 'Next month' }).click();
    await expect.poll(() => previous.isDisabled()).toBe(false);
    await previous.click();
    await expect.poll(() => previous.isDisabled()).toBe(true);
    await page.goto(`/books/${book.id}/budgets?month=2000-01`);
    await expect.poll(() => text(tbb).catch(() => '')).toContain('To be budgeted $2,380.00');
    expect(await section.getByRole('alert').count()).toBe(0);

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(problems()).toEqual([]);
  });
});
