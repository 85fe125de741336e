/**
 * Totals that agree and say what they leave out (issue 13): an account in another currency is
 * stated beside every total and the balance sheet balances in each currency; an archived account
 * keeps counting on the accounts page, the dashboard, net worth and the balance sheet, and archiving
 * offers Undo; dates are the person's local date.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Tove');
  const account = async (name: string, type: string, subtype: string, amount: string, currency = 'EUR') =>
    (
      await post(`${base}/accounts`, {
        name,
        type,
        subtype,
        currency,
        openingBalance: { amount, currency },
        openingDate: '2026-01-01',
      })
    ).id as number;
  const checking = await account('Checking', 'asset', 'checking', '1000.00');
  await account('Card', 'liability', 'credit_card', '-100.00');
  await account('Old savings', 'asset', 'savings', '500.00');
  const dollars = await account('Travel USD', 'asset', 'checking', '200.00', 'USD');
  const food = (await post(`${base}/categories`, { name: 'Food', kind: 'expense' })).id;
  const money = (amount: string, currency = 'EUR') => ({ amount, currency });
  // €100 become $108.37; then $21.67 of them pay a €20.00 meal.
  await post(`${base}/transactions`, {
    date: '2026-01-10',
    description: 'To dollars',
    postings: [
      { accountId: checking, amount: money('-100.00') },
      { accountId: dollars, amount: money('108.37', 'USD'), value: money('100.00') },
    ],
  });
  await post(`${base}/transactions`, {
    date: '2026-01-12',
    description: 'Diner',
    postings: [
      { accountId: food, amount: money('20.00') },
      { accountId: dollars, amount: money('-21.67', 'USD'), value: money('-20.00') },
    ],
  });
  // $5.00 of fees, in a category kept in dollars.
  const fees = (await post(`${base}/categories`, { name: 'Fees', kind: 'expense', currency: 'USD' })).id;
  await post(`${base}/transactions`, {
    date: '2026-01-20',
    description: 'Card fee',
    postings: [
      { accountId: fees, amount: money('5.00', 'USD') },
      { accountId: dollars, amount: money('-5.00', 'USD') },
    ],
  });
  return bookId as number;
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function openReport(page: Page, path: string, heading: RegExp) {
  await page.goto(path);
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  await page.locator('.report [aria-busy="true"]').waitFor({ state: 'detached' });
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

describeInBrowser('totals', (ctx) => {
  it('states what every total leaves out, balances per currency, and counts archived accounts everywhere', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await page.clock.setFixedTime(new Date('2026-02-15T12:00:00Z'));
    const bookId = await seed(page.request);

    // Accounts: the euro total with the dollars said beside it.
    await page.goto(`/books/${bookId}/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await expect.poll(() => text(page, '.net-worth')).toBe('Net worth €1,300.00');
    expect(await text(page, '.left-out')).toBe('Not in this total (no exchange rates yet): $281.70');

    // Archiving: one click, then Undo in a toast that has the focus; the totals do not move.
    await page.getByRole('button', { name: 'Archive Old savings' }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => text(page, '.toast')).toBe('Old savings archived. Undo');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await expect.poll(() => page.getByRole('link', { name: /^Old savings/ }).count()).toBe(0);
    expect(await text(page, '.net-worth')).toBe('Net worth €1,300.00');
    expect(await text(page, '.archived-note')).toBe('Includes €500.00 in archived accounts.');
    expect(await text(page, '.archived-summary')).toBe('1 archived account€500.00');
    await expectNoAxeViolations(page);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: /^Old savings/ }).waitFor();
    expect(await page.locator('.archived-note').count()).toBe(0);
    await page.getByRole('button', { name: 'Archive Old savings' }).click();
    await toast.waitFor();

    // Dashboard: the same net worth, the archived account in it, the dollars beside it.
    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('heading', { level: 2, name: 'Net worth' }).waitFor();
    await expect.poll(() => text(page, '#net-worth ~ .big-number')).toBe('€1,300.00');
    expect(await text(page, '.dashboard .left-out')).toBe(
      'Not in this total (no exchange rates yet): $281.70',
    );
    const flows = page.getByRole('region', { name: /^Income and expense/ });
    await expect
      .poll(() => flows.locator('.left-out').allTextContents())
      .toEqual(['Not in the expense (no exchange rates yet): $5.00']);

    // Net worth over time: the same figure at its last point, and what it leaves out.
    await openReport(page, `/books/${bookId}/reports/net-worth?from=2026-01-01&to=2026-01-31`, /^Net worth/);
    expect(await page.getByRole('row', { name: /^1\/31\/2026/ }).textContent()).toBe(
      '1/31/2026€1,400.00€100.00€1,300.00$281.70',
    );
    expect(await text(page, '.report .left-out')).toBe(
      'Not in net worth at 1/31/2026 (no exchange rates yet): $281.70',
    );

    // Balance sheet: balanced in euros (conversions in equity) and in dollars, apart.
    await openReport(
      page,
      `/books/${bookId}/reports/balance-sheet?from=2026-01-01&to=2026-01-31`,
      /^Balance/,
    );
    const row = async (table: string, name: string) =>
      (await page.getByRole('table', { name: table }).getByRole('row', { name }).textContent()) ?? '';
    expect(await row('Assets', 'Total assets')).toBe('Total assets€1,400.00');
    expect(await row('Liabilities', 'Total liabilities')).toBe('Total liabilities€100.00');
    expect(await row('Equity', 'Currency conversions')).toBe('Currency conversions-€80.00');
    expect(await row('Equity', 'Total equity')).toBe('Total equity€1,300.00');
    expect(await row('In USD', 'Total assets')).toBe('Total assets$281.70');
    expect(await row('In USD', 'Total equity')).toBe('Total equity$281.70');
    expect(await text(page, '.report .left-out')).toBe(
      'Not in total assets (no exchange rates yet): $281.70',
    );
    await expectNoAxeViolations(page);

    // Cash flow: the dollars spent in a dollar category, beside the money out.
    await openReport(page, `/books/${bookId}/reports/cash-flow?from=2026-01-01&to=2026-01-31`, /^Cash flow/);
    expect(await page.locator('.report .left-out').allTextContents()).toEqual([
      'Not in money out (no exchange rates yet): $5.00',
    ]);
    expect(problems()).toEqual([]);
  });

  it('takes the local date, not the UTC one, and asks when an opening balance was', async () => {
    // 02:00 on 1 April on Kiritimati (UTC+14) is still 31 March in UTC.
    const { page, problems } = await ctx.newPage({ locale: 'en-US', timezoneId: 'Pacific/Kiritimati' });
    await page.clock.setFixedTime(new Date('2026-03-31T12:00:00Z'));
    const bookId = await seed(page.request);
    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('heading', { level: 2, name: 'Spending in April 2026' }).waitFor();

    await page.goto(`/books/${bookId}/accounts`);
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Name').fill('Wallet');
    await form.getByLabel('Opening balance', { exact: true }).fill('40');
    // The balance is dated, by default the first of the local month, before this month's spending.
    // Written as the chosen locale (en-US) writes dates.
    expect(await form.getByLabel('As of').inputValue()).toBe('04/01/2026');
    await form.getByLabel('As of').fill('03/15/2026');
    await form.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('link', { name: /^Wallet/ }).waitFor();
    const latest = await page.request.get(`/api/v1/books/${bookId}/transactions?limit=1`);
    expect((await latest.json()).items[0]).toMatchObject({
      date: '2026-03-15',
      description: 'Opening balance',
    });
    expect(problems()).toEqual([]);
  });
});
