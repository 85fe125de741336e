/**
 * Budgets in a real Chromium: a payday-monthly budget set through the form, spending past 80 % of it
 * recorded through the API, then the alert and the budget against actual on the page, and dismissing.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

interface Seeded {
  bookId: number;
  post: (path: string, data: unknown) => Promise<{ id: number }>;
  checkingId: number;
  groceriesId: number;
}

async function seed(request: APIRequestContext): Promise<Seeded> {
  const { bookId, base, post } = await signUpWithBook(request, 'Bea');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: { amount: '2000.00', currency: 'EUR' },
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  return { bookId: bookId, post, checkingId: checking.id, groceriesId: groceries.id };
}

const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

describeInBrowser('budgets', (ctx) => {
  it('sets a payday-monthly budget, alerts past 80 %, shows budget against actual and dismisses', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    const { bookId, post, checkingId, groceriesId } = await seed(page.request);

    await page.goto(`/books/${bookId}/budgets`);
    await page.getByRole('heading', { level: 1, name: 'Budgets' }).waitFor();
    await page.getByRole('heading', { name: 'No budgets yet' }).waitFor();

    // The form, from labels alone; an empty submit shows the errors beside the fields.
    await page.getByRole('button', { name: 'New budget' }).click();
    const form = page.getByRole('form', { name: 'New budget' });
    await form.getByRole('button', { name: 'Create budget' }).click();
    await form.getByText('Enter a name.').waitFor();
    await form.getByText('Choose a category or a group.').waitFor();
    await form.getByLabel('Name').fill('Groceries');
    await form.getByLabel('Budget for').selectOption({ label: 'Groceries' });
    await form.getByLabel('Repeats').selectOption({ label: 'Monthly' });
    await form.getByLabel('Month starts on day').fill('25');
    await form.getByLabel('Amount per period').fill('100.00');
    await form.getByRole('button', { name: 'Create budget' }).click();
    await form.waitFor({ state: 'detached' });

    const card = page
      .getByRole('list', { name: 'Budgets' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('heading', { name: 'Groceries' }),
      });
    await card.waitFor();
    expect(await text(card)).toContain('Monthly from day 25');
    expect(await text(card)).toContain('€0.00 spent of €100.00 (0%)');

    const budgets = await (await page.request.get(`/api/v1/books/${bookId}/budgets`)).json();
    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toMatchObject({
      name: 'Groceries',
      categoryId: groceriesId,
      recurrence: { kind: 'monthly', startDay: 25 },
      rollover: 'none',
    });

    // 85.00 spent today: past 80 %.
    const today = new Date().toISOString().slice(0, 10);
    await post(`/api/v1/books/${bookId}/transactions`, {
      date: today,
      payeeName: 'Corner Market',
      description: 'Big shop',
      postings: [
        { accountId: checkingId, amount: { amount: '-85.00', currency: 'EUR' } },
        { accountId: groceriesId, amount: { amount: '85.00', currency: 'EUR' } },
      ],
    });

    await page.reload();
    const alerts = page.getByRole('list', { name: 'Budget alerts' }).getByRole('listitem');
    await expect.poll(() => alerts.count()).toBe(1);
    expect(await text(alerts.first())).toMatch(/Groceries reached 80 % of €100\.00 in \w+ \d{4}/);
    await expect.poll(() => text(card)).toContain('€85.00 spent of €100.00 (85%)');
    expect(await text(card)).toContain('€15.00 left');
    expect(await text(card)).toMatch(/Pace: (Under pace|On track|Spending faster than planned)/);

    // Budget against actual over the last periods.
    await card.getByRole('button', { name: 'History of Groceries' }).click();
    const history = card.getByRole('table');
    await history.waitFor();
    const lastRow = history.locator('tbody tr').last();
    expect(await text(lastRow)).toContain('€100.00 €85.00 (85%) €15.00');

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Nothing sticks out sideways at a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    // Dismiss, from the keyboard.
    await page.getByRole('button', { name: 'Dismiss the 80 % alert about Groceries' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Budget alerts' }).waitFor({ state: 'detached' });
    const left = await (await page.request.get(`/api/v1/books/${bookId}/notifications`)).json();
    expect(left).toEqual([]);

    expect(problems()).toEqual([]);
  });
});
