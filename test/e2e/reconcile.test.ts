/**
 * Reconciling an account against a bank statement in a real Chromium: ticking from the keyboard
 * until the difference is zero, finishing, a reconciled line that asks before it changes, and
 * undoing a reconciliation from the account's history; at a desktop's and a phone's width, light
 * and dark, with nothing for axe to fault.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const SHOTS = new URL('../../reports/screenshots/', import.meta.url).pathname;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

/**
 * Checking (1,000.00 reconciled at opening) and, in January: Corner Market −54.20 and Salary
 * +2,000.00 pending, Old Bakery −7.80 cleared, Cinema −25.00 pending (not on the statement); and
 * a February line after the statement. The statement of 31 Jan says 2,938.00.
 */
async function seed(request: APIRequestContext) {
  const { bookId, base, post, send } = await signUpWithBook(request, 'Rhea');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: eur('1000.00'),
    openingDate: '2025-12-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const salary = await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  const move = (date: string, payeeName: string, other: number, amount: string, status = 'pending') =>
    post(`${base}/transactions`, {
      date,
      payeeName,
      description: payeeName,
      status,
      postings: [
        { accountId: checking.id, amount: eur(amount) },
        { accountId: other, amount: eur(amount.startsWith('-') ? amount.slice(1) : `-${amount}`) },
      ],
    });
  const corner = await move('2026-01-05', 'Corner Market', groceries.id, '-54.20');
  await move('2026-01-12', 'Salary', salary.id, '2000.00');
  await move('2026-01-20', 'Old Bakery', groceries.id, '-7.80', 'cleared');
  await move('2026-01-28', 'Cinema', groceries.id, '-25.00');
  await move('2026-02-03', 'February shop', groceries.id, '-10.00');
  return { bookId, base, post, send, cornerId: corner.id as number, checkingId: checking.id as number };
}

const statusOf = async (page: Page, base: string, q: string) =>
  (await (await page.request.get(`${base}/transactions?q=${encodeURIComponent(q)}`)).json()).items[0].status;

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

/** Opens the statement's panel and starts reconciling against 31 Jan 2026 and `balance` (en-GB). */
async function startReconciling(page: Page, balance: string) {
  await page.getByRole('button', { name: 'Reconcile' }).click();
  const panel = page.getByRole('region', { name: 'Reconcile with a statement' });
  // No reconciliation yet: the statement closes today, where the person is.
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB'));
  expect(await panel.getByLabel('Statement date').inputValue()).toBe(today);
  await panel.getByLabel('Statement date').fill('31/01/2026');
  await panel.getByLabel(/^Closing balance/).fill(balance);
  await panel.getByLabel(/^Closing balance/).press('Enter');
  await page.getByRole('heading', { name: 'Reconciling with the statement of 31 Jan 2026' }).waitFor();
  await page.getByRole('checkbox').first().waitFor();
}

const difference = (page: Page) =>
  page.locator('.reconcile-difference dd .amount').getAttribute('data-amount');
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return `${element?.tagName.toLowerCase()}: ${element?.closest('label, button')?.textContent?.replace(/\s+/g, ' ').trim()}`;
  });

describeInBrowser('reconciling against a statement', (ctx) => {
  it('ticks from the keyboard until the difference is zero, then finishes', { timeout: 60_000 }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const { bookId, base, checkingId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await startReconciling(page, '2938.00');

    // Up to the statement's date, oldest first, what is cleared ticked already; the focus on the first.
    const boxes = page.getByRole('checkbox');
    expect(await boxes.count()).toBe(4);
    expect(await focusedName(page)).toMatch(/^input: .*Corner Market/);
    expect(await page.getByRole('checkbox', { name: /Old Bakery/ }).isChecked()).toBe(true);
    expect(await difference(page)).toBe('1945.80');
    const finish = page.getByRole('button', { name: 'Finish' });
    expect(await finish.isDisabled()).toBe(true);

    await page.keyboard.press('Space');
    await expect.poll(() => difference(page)).toBe('2000.00');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/Salary/);
    await page.keyboard.press('Space');
    await expect.poll(() => difference(page)).toBe('0.00');
    // The ticks are saved as they are made.
    await expect.poll(() => statusOf(page, base, 'Corner Market')).toBe('cleared');
    await expect.poll(() => finish.isEnabled()).toBe(true);

    mkdirSync(SHOTS, { recursive: true });
    await expectNoAxeViolations(page, 'reconciling');
    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [390, 'light'],
      [390, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}reconcile-${width}-${scheme}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (scheme === 'dark') await expectNoAxeViolations(page, `reconciling ${width} dark`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('checkbox', { name: /Salary/ }).focus();
    await page.keyboard.press('Shift+Tab'); // Cancel
    await page.keyboard.press('Shift+Tab'); // Finish
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Reconciled 3 transactions up to 31 Jan 2026.' })
      .waitFor({ state: 'attached' });
    await page.getByText('Reconciled 3 transactions up to 31 Jan 2026.', { exact: true }).first().waitFor();
    await page.getByRole('grid', { name: 'Register of Checking' }).waitFor();
    expect(await focusedName(page)).toBe('button: Reconcile');
    expect(await statusOf(page, base, 'Corner Market')).toBe('reconciled');
    expect(await statusOf(page, base, 'Cinema')).toBe('pending');
    expect(await statusOf(page, base, 'February shop')).toBe('pending');
    expect(problems()).toEqual([]);
  });

  it('keeps Finish disabled while the balance is wrong, and says by how much', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-GB' });
    const { bookId, base, checkingId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await startReconciling(page, '2900.00');
    await page.getByRole('checkbox', { name: /Corner Market/ }).check();
    await page.getByRole('checkbox', { name: /Salary/ }).check();
    await expect.poll(() => difference(page)).toBe('-38.00');
    expect(await page.locator('.reconcile-difference dd').innerText()).toBe('-€38.00');
    await expect.poll(() => statusOf(page, base, 'Salary')).toBe('cleared');
    expect(await page.getByRole('button', { name: 'Finish' }).isDisabled()).toBe(true);

    // Cancel leaves the mode; the ticks were real edits and stay.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('grid', { name: 'Register of Checking' }).waitFor();
    expect(await statusOf(page, base, 'Salary')).toBe('cleared');
    expect(problems()).toEqual([]);
  });

  it('asks before a reconciled line is edited or deleted, and undoes a reconciliation', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const { bookId, base, post, send, cornerId, checkingId } = await seed(page.request);
    await send('patch', `${base}/transactions/${cornerId}`, { status: 'cleared' });
    // Cleared: Opening 1,000.00 (reconciled), Corner Market −54.20, Old Bakery −7.80.
    await post(`${base}/accounts/${checkingId}/reconciliations`, {
      statementDate: '2026-01-31',
      statementBalance: eur('938.00'),
    });
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    const grid = page.getByRole('grid', { name: 'Register of Checking' });
    const row = grid.getByRole('row').filter({ hasText: 'Corner Market' });
    await row.waitFor();

    // Enter on a reconciled line asks first; Esc says no, and the focus is back on the line.
    await row.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {
      name: 'This transaction is reconciled with the statement. Change it anyway?',
    });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'asking');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}reconcile-ask-1280-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await focusedName(page)).toBe('button: Change it');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('form', { name: /^Edit transaction/ }).count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/Corner Market/);

    // Yes: the editor opens.
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Change it' }).click();
    const editor = page.getByRole('form', { name: /^Edit transaction/ });
    await editor.waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Delete asks too; Cancel keeps it.
    await row.getByRole('button', { name: /^Delete/ }).click();
    const deleting = page.getByRole('dialog', {
      name: 'This transaction is reconciled with the statement. Delete it anyway?',
    });
    await deleting.getByRole('button', { name: 'Cancel' }).click();
    await deleting.waitFor({ state: 'detached' });
    expect(await statusOf(page, base, 'Corner Market')).toBe('reconciled');

    // The Transactions page edits in the same editor, which asks the same.
    await page.goto(`/books/${bookId}/transactions`);
    await page.getByRole('button', { name: /^Edit: .*Corner Market/ }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('form', { name: /^Edit transaction/ }).count()).toBe(0);
    // And its Delete asks as the register's does.
    await page.getByRole('button', { name: /^Delete .*Corner Market/ }).click();
    await deleting.waitFor();
    await deleting.getByRole('button', { name: 'Cancel' }).click();
    await deleting.waitFor({ state: 'detached' });
    expect(await statusOf(page, base, 'Corner Market')).toBe('reconciled');
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);

    // The history, and undo after a question.
    await page.getByText('Reconciliations (1)').click();
    const history = page.locator('.reconcile-history table');
    expect((await history.innerText()).replace(/\s+/g, ' ')).toContain('31 Jan 2026 €938.00 2');
    for (const [width, scheme] of [
      [1280, 'light'],
      [390, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}reconcile-history-${width}-${scheme}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await expectNoAxeViolations(page, 'history');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    // The next statement: a month after the last one, at the month's end as it was.
    await page.getByRole('button', { name: 'Reconcile' }).click();
    const panel = page.getByRole('region', { name: 'Reconcile with a statement' });
    expect(await panel.getByLabel('Statement date').inputValue()).toBe('28/02/2026');
    for (const [width, scheme] of [
      [1280, 'dark'],
      [390, 'light'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}reconcile-start-${width}-${scheme}.png` });
    }
    await expectNoAxeViolations(page, 'statement panel');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Undo the reconciliation of 2026-01-31' }).click();
    await page.getByRole('dialog', { name: /^Undo the reconciliation of 31 Jan 2026\?/ }).waitFor();
    await page.getByRole('button', { name: 'Undo it' }).click();
    await page.getByText('Reconciliations (0)').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Reconciliation of 31 Jan 2026 undone.' })
      .waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expect(await statusOf(page, base, 'Corner Market')).toBe('cleared');
    expect(await statusOf(page, base, 'Old Bakery')).toBe('cleared');
    expect(problems()).toEqual([]);
  });
});
