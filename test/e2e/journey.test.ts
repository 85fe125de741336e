/**
 * The journey of issue 3, in Chromium against the real server: sign up, a book, two accounts with
 * opening balances, an expense split two ways typed from the keyboard, a transfer, balances and the
 * dashboard, a category filter, an edit, delete and undo, and the data still there after logging in
 * again. Then every page is checked with axe and captured at phone, tablet and desktop widths.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';

/** Written to reports/ on every run; `UPDATE_SCREENSHOTS=1` refreshes the committed ones in docs/. */
const SCREENSHOTS = new URL(
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots/' : '../../reports/screenshots/',
  import.meta.url,
).pathname;
const EMAIL = 'journey@example.com';
const PASSWORD = 'correct horse battery';

async function balanceOf(page: Page, name: string): Promise<string> {
  const row = page.locator('.account-list li', { has: page.getByText(name, { exact: true }) });
  return (await row.locator('.amount').first().textContent()) ?? '';
}

/** Creates categories through the API with the page's own session (the Categories page has its own test). */
async function createCategories(
  page: Page,
  bookId: string,
  names: string[],
): Promise<Record<string, number>> {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/me')).json();
  const ids: Record<string, number> = {};
  for (const name of names) {
    const reply = await page.request.post(`/api/v1/books/${bookId}/categories`, {
      data: { name, kind: 'expense' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(reply.status()).toBe(201);
    ids[name] = (await reply.json()).id;
  }
  return ids;
}

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

describeInBrowser('the everyday journey in the browser', (ctx) => {
  it('records, reads, edits and undoes, and keeps everything across a new login', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

    await page.goto('/signup');
    await expectNoAxeViolations(page, 'sign-up');
    await page.getByLabel('Name').fill('Journey');
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL('**/books/new');
    await expectNoAxeViolations(page, 'new book');
    await page.getByLabel('Base currency').selectOption('EUR');
    await page.getByRole('button', { name: 'Create book' }).click();
    await page.waitForURL(/\/books\/\d+\/accounts$/);
    const bookId = /\/books\/(\d+)\//.exec(page.url())![1]!;

    await page.getByRole('button', { name: 'Add your first account' }).click();
    await page.getByLabel('Name').fill('Checking');
    await page.getByLabel('Opening balance').fill('1,500.00');
    await page.getByRole('button', { name: 'Add account' }).last().click();
    await expect.poll(() => balanceOf(page, 'Checking')).toBe('€1,500.00');
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByLabel('Name').fill('Savings');
    await page.getByLabel('Kind').selectOption({ label: 'Savings' });
    await page.getByLabel('Opening balance').fill('200');
    await page.getByRole('button', { name: 'Add account' }).last().click();
    await expect.poll(() => balanceOf(page, 'Savings')).toBe('€200.00');
    await expectNoAxeViolations(page, 'accounts');
    const categories = await createCategories(page, bookId, ['Groceries', 'Household']);

    // An expense split two ways, from the keyboard: Tab between fields, Enter saves.
    await page.getByRole('link', { name: /Checking/ }).click();
    await page.getByRole('button', { name: 'Add transaction' }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('form', { name: 'New transaction' });
    await editor.getByLabel('Payee').focus();
    await page.keyboard.type('Rewe');
    await editor.getByLabel('Description').focus();
    await page.keyboard.type('Weekly shop');
    await page.keyboard.press('Tab');
    await page.keyboard.type('87.45');
    await editor.getByRole('button', { name: 'Split' }).focus();
    await page.keyboard.press('Enter');
    await editor.getByLabel('Category of line 1').focus();
    await page.keyboard.type('Groceries');
    await page.keyboard.press('Tab');
    await page.keyboard.type('61.20');
    await editor.getByLabel('Category of line 2').focus();
    await page.keyboard.type('Household');
    await expect.poll(() => editor.locator('.remaining').textContent()).toBe('Remaining: €26.25');
    await page.keyboard.press('Tab');
    await page.keyboard.type('26.25');
    await expect.poll(() => editor.locator('.remaining').textContent()).toBe('Balanced');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.balance-headline .amount').textContent()).toBe('€1,412.55');
    const firstRow = page.locator('.register-body [role="row"]').first();
    expect(await firstRow.textContent()).toContain('Split (2)');

    // A transfer to savings.
    await page.getByRole('button', { name: 'Add transaction' }).click();
    const transfer = page.getByRole('form', { name: 'New transaction' });
    await transfer.getByLabel('Category').fill('Transfer: Savings');
    await transfer.getByLabel('Out').fill('100');
    await transfer.getByLabel('Out').press('Enter');
    await expect.poll(() => page.locator('.balance-headline .amount').textContent()).toBe('€1,312.55');
    await expectNoAxeViolations(page, 'register');

    await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
    await expect.poll(() => balanceOf(page, 'Savings')).toBe('€300.00');
    expect(await balanceOf(page, 'Checking')).toBe('€1,312.55');
    expect(await page.locator('.net-worth').textContent()).toContain('€1,612.55');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const spending = page.getByRole('region', { name: /Spending in/ });
    await spending.locator('svg.chart').first().waitFor();
    expect(await spending.locator('tbody tr').allTextContents()).toEqual([
      'Groceries€61.20',
      'Household€26.25',
    ]);
    await page
      .getByRole('region', { name: /Income and expense/ })
      .locator('svg.chart')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'dashboard');

    await page.goto(`/books/${bookId}/transactions?categoryId=${categories.Groceries}`);
    await expect.poll(() => page.getByText('Weekly shop').count()).toBeGreaterThan(0);
    expect(await page.getByText('Transfer').count()).toBe(0);

    // Edit the transfer, then delete it and undo.
    await page.goto(`/books/${bookId}/accounts`);
    await page.getByRole('link', { name: /Checking/ }).click();
    const transferRow = page.locator('.register-body [role="row"]').first();
    await transferRow.focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('form', { name: 'Edit transaction' });
    await edit.getByLabel('Out').fill('120');
    await edit.getByLabel('Out').press('Enter');
    await expect.poll(() => page.locator('.balance-headline .amount').textContent()).toBe('€1,292.55');
    await page
      .locator('.register-body [role="row"]')
      .first()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect.poll(() => page.locator('.balance-headline .amount').textContent()).toBe('€1,412.55');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.balance-headline .amount').textContent()).toBe('€1,292.55');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await expectNoAxeViolations(page, 'login');
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
    await expect.poll(() => balanceOf(page, 'Checking')).toBe('€1,292.55');
    expect(await balanceOf(page, 'Savings')).toBe('€320.00');

    for (const section of ['transactions', 'categories', 'payees', 'tags', 'settings']) {
      await page.goto(`/books/${bookId}/${section}`);
      await page.locator('h1').first().waitFor();
      await expectNoAxeViolations(page, section);
    }

    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [360, 768, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
      for (const [name, path] of [
        ['dashboard', 'dashboard'],
        ['accounts', 'accounts'],
        ['transactions', 'transactions'],
      ] as const) {
        await page.goto(`/books/${bookId}/${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
      }
      await page.goto(`/books/${bookId}/accounts`);
      await page.getByRole('link', { name: /Checking/ }).click();
      await page.locator('.register-body [role="row"]').first().waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}register-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect([width, overflow]).toEqual([width, 0]);
    }
    expect(problems()).toEqual([]);
  });
});
