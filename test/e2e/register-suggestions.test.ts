/**
 * Learned categories in the register, in a real Chromium: a book whose history files REWE under
 * Groceries and Shell under Fuel suggests them while a new transaction is typed; a click or Alt+1
 * picks one, Enter saves what the field shows (never the grey hint on its own), a payee never seen
 * gets nothing, a viewer is offered nothing, and the editor stays accessible and fits at 360 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** A checking account and six categorised transactions: three at REWE, three at Shell. */
async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Sage');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: eur('1000.00'),
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const fuel = await post(`${base}/categories`, { name: 'Fuel', kind: 'expense' });
  const history: [string, string, string, number][] = [
    ['2025-02-01', 'REWE', '23.10', groceries.id],
    ['2025-02-08', 'REWE', '41.75', groceries.id],
    ['2025-02-15', 'REWE', '18.30', groceries.id],
    ['2025-02-03', 'Shell', '60.00', fuel.id],
    ['2025-02-17', 'Shell', '55.20', fuel.id],
    ['2025-03-02', 'Shell', '48.90', fuel.id],
  ];
  for (const [date, payeeName, amount, categoryId] of history) {
    await post(`${base}/transactions`, {
      date,
      payeeName,
      postings: [
        { accountId: checking.id, amount: eur(`-${amount}`) },
        { accountId: categoryId, amount: eur(amount) },
      ],
    });
  }
  return { bookId, base, checkingId: checking.id as number, groceriesId: groceries.id, fuelId: fuel.id };
}

/** The book's transactions at `payee`, from the API. */
async function transactionsAt(page: Page, base: string, payee: string): Promise<any[]> {
  const reply = await page.request.get(`${base}/transactions?limit=100`);
  expect(reply.status()).toBe(200);
  return (await reply.json()).items.filter((t: any) => t.payee?.name === payee);
}

const categoryOf = (transaction: any, checkingId: number) =>
  transaction.postings.filter((p: any) => p.accountId !== checkingId).map((p: any) => p.accountId);

const suggestionButtons = (editor: Locator) => editor.getByRole('button', { name: /^Suggested category: / });

/** Resolves once the server has answered the suggestions for `payee`. */
const answered = (page: Page, payee: string) =>
  page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname.endsWith('/suggestions') &&
      new URL(response.url()).searchParams.get('payee') === payee,
  );

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

async function openEditor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add transaction' }).click();
  const editor = page.getByRole('form', { name: 'New transaction' });
  await editor.waitFor();
  return editor;
}

describeInBrowser('learned categories in the register', (ctx) => {
  it('suggests from the history, fills on a click or Alt+1, and saves only what the field shows', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId, base, checkingId, groceriesId, fuelId } = await seed(page.request);
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();

    // REWE: Groceries, sure enough to be hinted in the field; Fuel is too unlikely to be shown.
    let editor = await openEditor(page);
    const category = editor.getByLabel('Category');
    await editor.getByLabel('Payee').fill('REWE');
    await editor.getByLabel('Out').fill('27.40');
    const groceries = editor.getByRole('button', { name: /^Suggested category: Groceries \(\d+ %\)$/ });
    await groceries.waitFor();
    expect(await suggestionButtons(editor).count()).toBe(1);
    expect(await editor.getByText('Suggested:', { exact: true }).isVisible()).toBe(true);
    expect(await groceries.getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    expect(await groceries.evaluate((b) => b.closest('[aria-live="polite"]') !== null)).toBe(true);
    expect(await category.getAttribute('placeholder')).toBe('Groceries?');
    expect(await category.inputValue()).toBe('');
    await expectNoAxeViolations(page, 'register with suggestions');

    // Enter with only the hint in the field saves nothing.
    await editor.getByLabel('Out').press('Enter');
    await editor.getByRole('alert').filter({ hasText: 'Choose a category or an account.' }).waitFor();
    expect(await transactionsAt(page, base, 'REWE')).toHaveLength(3);

    // A click fills the field (focus goes there), the buttons go, and Enter saves it.
    await groceries.click();
    expect(await category.inputValue()).toBe('Groceries');
    expect(await category.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await suggestionButtons(editor).count()).toBe(0);
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await transactionsAt(page, base, 'REWE')).length).toBe(4);
    const [saved] = await transactionsAt(page, base, 'REWE');
    expect(saved.total).toEqual(eur('27.40'));
    expect(categoryOf(saved, checkingId)).toEqual([groceriesId]);

    // Shell, from the keyboard: Tab still walks the fields, Alt+1 picks the first suggestion.
    editor = await openEditor(page);
    await editor.getByLabel('Payee').focus();
    await page.keyboard.type('Shell');
    await page.keyboard.press('Tab');
    expect(await editor.getByLabel('Category').evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    expect(await editor.getByLabel('Description').evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('52.10');
    await editor.getByRole('button', { name: /^Suggested category: Fuel \(\d+ %\)$/ }).waitFor();
    await page.keyboard.press('Alt+1');
    expect(await editor.getByLabel('Category').inputValue()).toBe('Fuel');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await transactionsAt(page, base, 'Shell')).length).toBe(4);
    const [fuelled] = await transactionsAt(page, base, 'Shell');
    expect(fuelled.total).toEqual(eur('52.10'));
    expect(categoryOf(fuelled, checkingId)).toEqual([fuelId]);

    // A payee never seen: the server answers, and nothing is shown. Escape still cancels.
    editor = await openEditor(page);
    const unknown = answered(page, 'Corner Bakery');
    await editor.getByLabel('Payee').fill('Corner Bakery');
    expect((await (await unknown).json()).suggestions).toEqual([]);
    expect(await suggestionButtons(editor).count()).toBe(0);
    expect(await editor.getByText('Suggested:', { exact: true }).count()).toBe(0);
    expect(await editor.getByLabel('Category').getAttribute('placeholder')).toBeNull();
    await editor.getByLabel('Payee').press('Escape');
    await editor.waitFor({ state: 'detached' });

    // At 360 px the suggestions fit, and the page does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 780 });
    editor = await openEditor(page);
    await editor.getByLabel('Payee').fill('REWE');
    await groceries.waitFor();
    const box = (await groceries.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await expectNoAxeViolations(page, 'register with suggestions at 360 px');

    expect(problems()).toEqual([]);
  });

  it('offers a viewer nothing, and does not ask the server', async () => {
    const owner = await ctx.newPage({ locale: 'en-US' });
    const { bookId, checkingId } = await seed(owner.page.request);
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await signUpWithBook(page.request, 'Vic');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    await ctx.server.database.db
      .insertInto('book_members')
      .values({ book_id: bookId, user_id: me.user.id, role: 'viewer', created_at: new Date().toISOString() })
      .execute();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/suggestions')) asked.push(request.url());
    });

    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();
    const editor = await openEditor(page);
    await editor.getByLabel('Payee').fill('REWE');
    await editor.getByLabel('Out').fill('10');
    await page.waitForTimeout(600);
    expect(await suggestionButtons(editor).count()).toBe(0);
    expect(await editor.getByLabel('Category').getAttribute('placeholder')).toBeNull();
    expect(asked).toEqual([]);
    expect(problems()).toEqual([]);
  });
});
