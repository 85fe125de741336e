/**
 * An account's register in a real Chromium: from the keyboard as on the Transactions page (Enter
 * edits in place, Escape closes, the focus never falls to the page), transfers shown as transfers,
 * a reconciled line that one click cannot undo, and a new transaction dated in the user's own day.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** Checking and Savings, Groceries, and three lines in Checking: a purchase, a transfer, a reconciled one. */
async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Rhea');
  const account = (name: string, subtype: string) =>
    post(`${base}/accounts`, {
      name,
      type: 'asset',
      subtype,
      openingBalance: eur('1000.00'),
      openingDate: '2025-01-01',
    });
  const checking = await account('Checking', 'checking');
  const savings = await account('Savings', 'savings');
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const move = (date: string, payeeName: string, to: number, amount: string, status = 'pending') =>
    post(`${base}/transactions`, {
      date,
      payeeName,
      description: payeeName,
      status,
      postings: [
        { accountId: checking.id, amount: eur(`-${amount}`) },
        { accountId: to, amount: eur(amount) },
      ],
    });
  await move('2025-03-01', 'Corner Market', groceries.id, '54.20');
  await move('2025-03-05', 'Rainy day', savings.id, '200.00');
  await move('2025-03-10', 'Old Bakery', groceries.id, '7.80', 'reconciled');
  await post(`${base}/tags`, { name: 'Holiday' });
  return { bookId, base, checkingId: checking.id as number, savingsId: savings.id as number };
}

const grid = (page: Page) => page.getByRole('grid', { name: /^Register of / });
const row = (page: Page, text: string) => grid(page).getByRole('row').filter({ hasText: text });
/** What has the focus: its role and text, or "body". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return `${element.getAttribute('role') ?? element.tagName.toLowerCase()}: ${element.textContent?.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
  });

describeInBrowser('register', (ctx) => {
  it('is worked from the keyboard as the Transactions page is', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, checkingId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await row(page, 'Corner Market').waitFor();

    // Enter opens the line in place, with the focus in the editor; Escape closes it, back to the line.
    await row(page, 'Corner Market').focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('form', { name: /^Edit transaction/ });
    await editor.waitFor();
    expect(await editor.evaluate((form) => form.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^row: .*Corner Market/);

    // Tab walks the focused line's own buttons, then leaves the register: not every line's.
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops.slice(1, 3)).toEqual([
      'button: Edit transaction of 2025-03-01',
      'button: Delete transaction of 2025-03-01',
    ]);
    expect(await grid(page).evaluate((g) => g.contains(document.activeElement))).toBe(false);

    // Saved: the focus is back on the line.
    await row(page, 'Corner Market').focus();
    await page.keyboard.press('Enter');
    await editor.waitFor();
    await editor.getByLabel('Description').fill('Weekly shop');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^row: .*Weekly shop/);

    // A new transaction: the focus goes into its editor, and back to Add when it closes.
    await page.getByRole('button', { name: 'Add transaction' }).click();
    const adding = page.getByRole('form', { name: 'New transaction' });
    expect(await adding.getByLabel('Date').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await adding.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button: Add transaction');

    // Deleted: the focus goes to the line that takes its place.
    await row(page, 'Weekly shop').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('status').filter({ hasText: 'Transaction deleted.' }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^row: /);
    expect(await focused(page)).not.toMatch(/Weekly shop/);
    expect(problems()).toEqual([]);
  });

  it('shows a transfer as a transfer, and keeps a reconciled line from changing with one click', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, base, checkingId, savingsId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await expect.poll(() => row(page, 'Rainy day').textContent()).toContain('Transfer to Savings');
    expect(await row(page, 'Rainy day').locator('.transfer').count()).toBe(1);

    // Pending and cleared: one click each way.
    const status = row(page, 'Corner Market').getByRole('button', { name: /^Status/ });
    await status.click();
    await expect.poll(() => status.getAttribute('aria-label')).toMatch(/^Status cleared/);
    await status.click();
    await expect.poll(() => status.getAttribute('aria-label')).toMatch(/^Status pending/);
    // Reconciled: shown, not a button.
    expect(
      await row(page, 'Old Bakery')
        .getByRole('button', { name: /^Status/ })
        .count(),
    ).toBe(0);
    expect(await row(page, 'Old Bakery').textContent()).toContain('Reconciled');
    const bakery = (await (await page.request.get(`${base}/transactions?q=bakery`)).json()).items[0];
    expect(bakery.status).toBe('reconciled');

    await page.goto(`/books/${bookId}/accounts/${savingsId}`);
    await expect.poll(() => row(page, 'Rainy day').textContent()).toContain('Transfer from Checking');
    expect(problems()).toEqual([]);
  });

  it('splits without moving the fields, with the focus on the first line', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { bookId, checkingId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await page.getByRole('button', { name: 'Add transaction' }).first().click();
    const editor = page.getByRole('form', { name: 'New transaction' });
    const boxes = () =>
      Promise.all(
        ['Date', 'Payee', 'Description', 'Out', 'In'].map((name) =>
          editor.getByLabel(name, { exact: true }).boundingBox(),
        ),
      );
    const before = await boxes();
    await editor.getByRole('button', { name: 'Split' }).click();
    await editor.getByRole('group', { name: 'Split' }).waitFor();
    expect(await boxes()).toEqual(before);
    expect(await focused(page)).toBe('combobox: '); // the line's category field
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await editor.getByLabel('Category of line 1').getAttribute('id'),
    );
    // And back: the single category field, focused, in its old place.
    await editor.getByRole('button', { name: 'Single category' }).click();
    expect(await boxes()).toEqual(before);
    expect(
      await editor.getByLabel('Category', { exact: true }).evaluate((e) => e === document.activeElement),
    ).toBe(true);
    expect(problems()).toEqual([]);
  });

  it('sets notes and tags in the editor, picking a tag or creating one by name', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, base, checkingId } = await seed(page.request);
    const corner = async () =>
      (await (await page.request.get(`${base}/transactions?q=corner`)).json()).items[0];
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await row(page, 'Corner Market').getByRole('button', { name: /^Edit/ }).click();
    const editor = page.getByRole('form', { name: /^Edit transaction/ });
    await editor.getByLabel('Notes').fill('For the party on Saturday');
    const tag = editor.getByRole('combobox', { name: 'Add a tag' });
    await tag.fill('holiday');
    await tag.press('Enter'); // an existing tag, whatever its case: not a new one, not a save
    await tag.fill('Party');
    await editor.getByRole('button', { name: 'Add tag' }).click();
    await editor.getByRole('button', { name: 'Remove tag Party' }).waitFor();
    expect(await editor.isVisible()).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await corner()).notes).toBe('For the party on Saturday');
    expect((await corner()).tags.map((t: { name: string }) => t.name).sort()).toEqual(['Holiday', 'Party']);

    // Opened again: both are there; one removed, the other kept.
    await row(page, 'Corner Market').getByRole('button', { name: /^Edit/ }).click();
    expect(await editor.getByLabel('Notes').inputValue()).toBe('For the party on Saturday');
    await editor.getByRole('button', { name: 'Remove tag Holiday' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await corner()).tags.map((t: { name: string }) => t.name))
      .toEqual(['Party']);
    const tags = (await (await page.request.get(`${base}/tags`)).json()) as { name: string }[];
    expect(tags.map((t) => t.name).sort()).toEqual(['Holiday', 'Party']);
    expect(problems()).toEqual([]);
  });

  for (const [timezoneId, instant, today] of [
    ['Pacific/Auckland', '2025-06-30T12:30:00Z', '07/01/2025'],
    ['America/Los_Angeles', '2025-07-01T05:00:00Z', '06/30/2025'],
  ] as const) {
    it(`dates a new transaction on the user's own day (${timezoneId})`, async () => {
      const { page, problems } = await ctx.newPage({ locale: 'en-US', timezoneId });
      await page.clock.setFixedTime(new Date(instant));
      const { bookId, checkingId } = await seed(page.request);
      await page.goto(`/books/${bookId}/accounts/${checkingId}`);
      await page.getByRole('button', { name: 'Add transaction' }).first().click();
      const editor = page.getByRole('form', { name: 'New transaction' });
      expect(await editor.getByLabel('Date').inputValue()).toBe(today);
      expect(problems()).toEqual([]);
    });
  }

  it('writes and reads dates as the locale chosen in Moneta does, not as the browser does', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('moneta.locale', 'de-DE'));
    const { bookId, base, checkingId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await page.getByRole('button', { name: 'Add transaction' }).click();
    const editor = page.getByRole('form', { name: 'New transaction' });
    const date = editor.getByLabel('Date');
    expect(await date.inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await date.getAttribute('placeholder')).toBe('DD.MM.YYYY');
    await editor.getByRole('button', { name: 'Choose from a calendar' }).click(); // the browser's own
    await date.fill('15.02.2025');
    await editor.getByLabel('Payee').fill('Kiosk');
    await editor.getByLabel('Category', { exact: true }).fill('Groceries');
    await editor.getByLabel('Out').fill('3,50');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const kiosk = (await (await page.request.get(`${base}/transactions?q=kiosk`)).json()).items[0];
    expect(kiosk.date).toBe('2025-02-15');
    expect(kiosk.total.amount).toBe('3.50');

    // The Transactions page's date filters too.
    await page.goto(`/books/${bookId}/transactions?from=2025-03-01`);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('01.03.2025');
    await page.getByLabel('To', { exact: true }).fill('05.03.2025');
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2025-03-05');
    expect(problems()).toEqual([]);
  });
});
