/**
 * Category targets in a real Chromium: a monthly target set on the categories page, from the
 * keyboard; then "Fill targets", offered once some category has a target, assigns each target in
 * one request, and one Undo puts back what each envelope held.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function seed(request: APIRequestContext) {
  const { bookId, base, send } = await signUpWithBook(request, 'Tia');
  const checking = await send('post', `${base}/accounts`, { name: 'Checking', type: 'asset' });
  // Salary in a group of its own: two ungrouped sections (income, expense) share one name.
  const earnings = await send('post', `${base}/category-groups`, { name: 'Earnings', kind: 'income' });
  const salary = await send('post', `${base}/categories`, {
    name: 'Salary',
    kind: 'income',
    groupId: earnings.id,
  });
  await send('post', `${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const rent = await send('post', `${base}/categories`, { name: 'Rent', kind: 'expense' });
  await send('post', `${base}/categories`, { name: 'Fun', kind: 'expense' });
  await send('post', `${base}/transactions`, {
    date: `${thisMonth}-01`,
    postings: [
      { accountId: checking.id, amount: eur('2000.00') },
      { accountId: salary.id, amount: eur('-2000.00') },
    ],
  });
  await send('put', `${base}/envelope/settings`, { enabled: true, startMonth: thisMonth });
  await send('put', `${base}/envelope/months/${thisMonth}/assignments/${rent.id}`, { amount: eur('700.00') });
  // Rent's target comes through the API; Groceries' is set on the page.
  await send('patch', `${base}/categories/${rent.id}`, { target: eur('950.00') });
  return { bookId };
}

const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

describeInBrowser('category targets', (ctx) => {
  it('sets a target from the keyboard, fills every target in one click, and one Undo restores the month', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    const { bookId } = await seed(page.request);

    await page.goto(`/books/${bookId}/categories`);
    const toggle = page.getByRole('button', { name: 'Target per month of Groceries' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Monthly target of Groceries' });
    const input = panel.getByLabel('Target per month (EUR)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await input.fill('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await text(panel.getByRole('alert').first())).toContain('not negative');
    await input.fill('412.5');
    await page.keyboard.press('Enter');
    const targets = page.locator('.category-target');
    await expect
      .poll(() => targets.allInnerTexts())
      .toEqual(['Target €412.50 a month', 'Target €950.00 a month']);
    await expect.poll(() => panel.count()).toBe(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    await page.goto(`/books/${bookId}/budgets`);
    const section = page.getByRole('region', { name: 'Envelope budgeting' });
    const tbb = section.locator('.envelope-tbb');
    const assigned = (name: string) => section.getByLabel(`Assigned to ${name}`).inputValue();
    await expect.poll(() => text(tbb)).toContain('To be budgeted €1,300.00');
    const helpers = section.getByRole('group', { name: 'Fill every envelope of the month' });
    await helpers.getByRole('button', { name: 'Fill targets' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'filled to target' });
    await expect.poll(() => text(toast)).toBe('Assigned: 2 categories filled to target. Undo');
    await expect.poll(() => assigned('Groceries')).toBe('412.50');
    await expect.poll(() => assigned('Rent')).toBe('950.00');
    expect(['', '0.00']).toContain(await assigned('Fun'));
    await expect.poll(() => text(tbb)).toContain('To be budgeted €637.50');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => text(tbb)).toContain('To be budgeted €1,300.00');
    await expect.poll(() => assigned('Rent')).toBe('700.00');
    expect(['', '0.00']).toContain(await assigned('Groceries'));

    // Without any target the button is not offered.
    await page.goto(`/books/${bookId}/categories`);
    for (const name of ['Groceries', 'Rent']) {
      await page.getByRole('button', { name: `Target per month of ${name}` }).click();
      const form = page.getByRole('region', { name: `Monthly target of ${name}` });
      await form.getByLabel('Target per month (EUR)').fill('');
      await form.getByRole('button', { name: 'Save target' }).click();
      await expect.poll(() => form.count()).toBe(0);
    }
    await expect.poll(() => page.locator('.category-target').count()).toBe(0);
    await page.goto(`/books/${bookId}/budgets`);
    await expect.poll(() => helpers.getByRole('button', { name: 'Copy last month' }).count()).toBe(1);
    expect(await helpers.getByRole('button', { name: 'Fill targets' }).count()).toBe(0);

    expect(problems()).toEqual([]);
  });
});
