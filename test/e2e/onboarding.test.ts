/**
 * The first hour of a new book (issue 13), in Chromium against the real server: the dashboard's
 * "Get started" steps walked one by one (a starter set, an account, a first transaction whose
 * category is made from the register's category field, a budget), each ticking itself from what
 * the book holds, until the steps put themselves away. And "Hide", kept for the book.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const SHOTS = new URL('../../reports/screenshots/', import.meta.url).pathname;

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

/** At phone and desktop widths, light and dark; the page never scrolls sideways. */
async function screenshots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}${name}-${width}-${scheme}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const steps = (page: Page) => page.getByRole('region', { name: 'Get started' });

async function backToDashboard(page: Page, done: string) {
  await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
  await steps(page).getByText(`${done} of 4 done`).waitFor();
}

describeInBrowser('getting started with a new book', (ctx) => {
  it('walks the four steps from the dashboard, each ticking itself, then puts them away', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId, base } = await signUpWithBook(page.request, 'Nora');
    await page.goto(`/books/${bookId}/dashboard`);
    await steps(page).getByText('0 of 4 done').waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to your books' }).count()).toBe(0);
    expect(await steps(page).getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^To do: Categories/),
      expect.stringMatching(/^To do: An account/),
      expect.stringMatching(/^To do: Transactions.*Once there is an account/),
      expect.stringMatching(/^To do: A budget/),
    ]);
    await expectNoAxeViolations(page, 'a new book’s dashboard');
    await screenshots(page, 'get-started-new');

    // 1. Categories: the starter set, on the Categories page.
    await steps(page).getByRole('link', { name: 'Choose a starter set' }).click();
    await page.getByRole('button', { name: 'Add these categories' }).click();
    await page.getByRole('heading', { name: 'Housing', level: 3 }).waitFor();
    await backToDashboard(page, '1');
    expect(await steps(page).getByRole('listitem').first().textContent()).toBe('✓Done: Categories');

    // 2. An account.
    await steps(page).getByRole('link', { name: 'Add an account' }).click();
    await page.getByRole('button', { name: 'Add your first account' }).click();
    await page.getByLabel('Name').fill('Checking');
    await page.getByLabel('Opening balance').fill('800.00');
    await page.getByRole('button', { name: 'Add account' }).last().click();
    await page.locator('.account-list .account-name').getByText('Checking', { exact: true }).waitFor();
    await backToDashboard(page, '2');
    await expectNoAxeViolations(page, 'the dashboard, half way');
    await screenshots(page, 'get-started-half');

    // 3. A first transaction, its category made from the category field, from the keyboard.
    await steps(page).getByRole('link', { name: 'add a first transaction to Checking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();
    await page.getByRole('button', { name: 'Add transaction' }).first().click();
    const editor = page.getByRole('form', { name: 'New transaction' });
    await editor.getByLabel('Payee').fill('Vet Clinic');
    await editor.getByLabel('Out').fill('45.00');
    const category = editor.getByRole('combobox', { name: 'Category' });
    await category.focus();
    await page.keyboard.type('Pets');
    const create = editor.getByRole('option', { name: 'Create category “Pets”' });
    await create.waitFor();
    const options = await editor.getByRole('option').allTextContents();
    expect(options.at(-1)).toBe('Create category “Pets”');
    await expectNoAxeViolations(page, 'the category field offering to create');
    await screenshots(page, 'category-create');
    await page.keyboard.press('ArrowUp'); // up from the field: the last option
    expect(await create.getAttribute('aria-selected')).toBe('true');
    expect(await category.getAttribute('aria-activedescendant')).toBe(await create.getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect.poll(() => category.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => category.inputValue()).toBe('Pets');
    expect(await category.evaluate((input) => input === document.activeElement)).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: 'Category “Pets” created.' })
      .waitFor({ state: 'attached' });
    const pets = (
      (await (await page.request.get(`${base}/categories`)).json()) as {
        id: number;
        name: string;
        type: string;
      }[]
    ).find((c) => c.name === 'Pets');
    expect(pets?.type).toBe('expense');

    // Enter, with the list closed, saves the transaction.
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    const saved = (await (await page.request.get(`${base}/transactions?q=vet`)).json()).items;
    expect(saved).toHaveLength(1);
    expect(saved[0].postings.map((p: { accountId: number }) => p.accountId)).toContain(pets!.id);
    await backToDashboard(page, '3');

    // 4. A budget, on the Budgets page: then all four are done, and the steps go.
    await steps(page).getByRole('link', { name: 'Set a budget' }).click();
    await page.getByRole('button', { name: 'New budget' }).click();
    const form = page.getByRole('form', { name: 'New budget' });
    await form.getByLabel('Name').fill('Pets');
    await form.getByLabel('Budget for').selectOption({ label: 'Pets' });
    await form.getByLabel('Amount per period').fill('60.00');
    await form.getByRole('button', { name: 'Create budget' }).click();
    await page.getByRole('list', { name: 'Budgets' }).waitFor();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
    await page.getByRole('region', { name: /Spending in/ }).waitFor();
    await page
      .getByRole('region', { name: /Spending in/ })
      .locator('tbody tr')
      .first()
      .waitFor({ state: 'attached' });
    expect(await steps(page).count()).toBe(0);
    expect(await page.evaluate((id) => localStorage.getItem(`moneta.getStarted.${id}`), bookId)).toBe('done');
    await page.reload();
    await page.getByRole('region', { name: /Spending in/ }).waitFor();
    expect(await steps(page).count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it('makes a category from the field on the Transactions page too, income for money in', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId, base, post } = await signUpWithBook(page.request, 'Ines');
    // Archived, it is offered nowhere, but its name stays taken.
    const gifts = await post(`${base}/categories`, { name: 'Gifts', kind: 'expense' });
    const { csrfToken } = await (await page.request.get('/api/v1/auth/me')).json();
    const archived = await page.request.post(`${base}/accounts/${gifts.id}/archive`, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(archived.ok()).toBe(true);
    const checking = await post(`${base}/accounts`, { name: 'Checking', type: 'asset', currency: 'EUR' });
    const other = await post(`${base}/categories`, { name: 'Other', kind: 'income' });
    await post(`${base}/transactions`, {
      date: '2026-03-02',
      description: 'Tutoring',
      postings: [
        { accountId: checking.id, amount: { amount: '80.00', currency: 'EUR' } },
        { accountId: other.id, amount: { amount: '-80.00', currency: 'EUR' } },
      ],
    });
    await page.goto(`/books/${bookId}/transactions`);
    await page
      .getByRole('button', { name: /^Edit: / })
      .first()
      .click();
    const editor = page.getByRole('form', { name: /^Edit transaction/ });
    const category = editor.getByRole('combobox', { name: 'Category' });
    await category.fill('Side jobs');
    await editor.getByRole('option', { name: 'Create category “Side jobs”' }).click();
    await expect.poll(() => category.inputValue()).toBe('Side jobs');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const made = (
      (await (await page.request.get(`${base}/categories`)).json()) as {
        id: number;
        name: string;
        type: string;
      }[]
    ).find((c) => c.name === 'Side jobs');
    expect(made?.type).toBe('income');
    const [tutoring] = (await (await page.request.get(`${base}/transactions?q=tutoring`)).json()).items;
    expect(tutoring.postings.map((p: { accountId: number }) => p.accountId).sort()).toEqual(
      [checking.id, made!.id].sort(),
    );

    // The name again, in any case, is no new category; an archived one's is taken, said at the field.
    await page
      .getByRole('button', { name: /^Edit: / })
      .first()
      .click();
    await category.fill('side JOBS');
    expect(await editor.getByRole('option').allTextContents()).toEqual(['Side jobs']);
    await category.fill('Gifts');
    await editor.getByRole('option', { name: 'Create category “Gifts”' }).click();
    const refusal = editor.getByRole('alert').filter({ hasText: '“Gifts” is already used in this book.' });
    await refusal.waitFor();
    expect(await category.getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    expect(await category.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'a refused category name');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(problems()).toEqual([]);
  });

  it('hides for the book on “Hide”, with the focus on the page, and stays hidden', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId } = await signUpWithBook(page.request, 'Otto');
    await page.goto(`/books/${bookId}/dashboard`);
    const hide = steps(page).getByRole('button', { name: 'Hide the getting-started steps' });
    await hide.focus();
    await page.keyboard.press('Enter');
    await steps(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page
      .getByRole('status')
      .filter({ hasText: 'The getting-started steps are hidden.' })
      .waitFor({ state: 'attached' });
    // The book has no account yet: the welcome shows in the steps' place.
    await page.getByRole('heading', { name: 'Welcome to your books' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to your books' }).waitFor();
    expect(await steps(page).count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it('shows a viewer of a new book no steps to take', { timeout: 60_000 }, async () => {
    const owner = await ctx.newPage({ locale: 'en-US' });
    const { bookId } = await signUpWithBook(owner.page.request, 'Pia');
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await signUpWithBook(page.request, 'Vic');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    await ctx.server.database.db
      .insertInto('book_members')
      .values({ book_id: bookId, user_id: me.user.id, role: 'viewer', created_at: new Date().toISOString() })
      .execute();
    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('heading', { name: 'Welcome to your books' }).waitFor();
    expect(await steps(page).count()).toBe(0);
    expect(problems()).toEqual([]);
  });
});
