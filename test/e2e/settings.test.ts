/**
 * Settings in a real Chromium: changing the password (errors next to the fields, then logging in with
 * the new one), the display locale (amounts in de-DE), the theme, the book and its members.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUp } from '../support/browser-api.ts';

const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple gun orbit 42';

async function seed(page: Page, email: string): Promise<number> {
  const csrf = await signUp(page.request, { email, password: OLD_PASSWORD, name: 'Grace Hopper' });
  const headers = { 'x-csrf-token': csrf };
  const book = await (
    await page.request.post('/api/v1/books', { data: { name: 'Home', baseCurrency: 'EUR' }, headers })
  ).json();
  const account = await page.request.post(`/api/v1/books/${book.id}/accounts`, {
    data: { name: 'Checking', type: 'asset', openingBalance: { amount: '1234.56', currency: 'EUR' } },
    headers,
  });
  expect(account.status()).toBe(201);
  return book.id;
}

/** Text as a person reads it: Intl writes a no-break space between amount and symbol. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

const passwordForm = (page: Page) => page.getByRole('form', { name: 'Change password' });

describeInBrowser('settings', (ctx) => {
  it('changes the password with errors next to the fields, then logs in with the new one', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const email = `grace-${Date.now()}@example.com`;
    const bookId = await seed(page, email);
    await page.goto(`/books/${bookId}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    // The profile, read-only.
    const profile = page.getByRole('region', { name: 'Profile' });
    expect(plain(await profile.textContent())).toContain('Grace Hopper');
    expect(plain(await profile.textContent())).toContain(email);

    const form = passwordForm(page);
    const current = form.getByLabel('Current password');
    const next = form.getByLabel('New password', { exact: true });
    const confirm = form.getByLabel('Confirm the new password');
    const submit = form.getByRole('button', { name: 'Change password' });

    // A wrong current password: said next to that field.
    await current.fill('not my password');
    await next.fill(NEW_PASSWORD);
    await confirm.fill(NEW_PASSWORD);
    await submit.click();
    await form.getByText('Wrong password.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await current.getAttribute('aria-describedby');
    expect(plain(await page.locator(`[id="${describedBy}"]`).textContent())).toBe('Wrong password.');

    // A weak new one: said next to the new password.
    await current.fill(OLD_PASSWORD);
    await next.fill('short');
    await confirm.fill('short');
    await submit.click();
    await form.getByText('Use at least 10 characters.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    expect(await current.getAttribute('aria-invalid')).toBe('false');

    // A confirmation that does not match never reaches the server.
    await next.fill(NEW_PASSWORD);
    await confirm.fill(`${NEW_PASSWORD}!`);
    await submit.click();
    await form.getByText('This does not match the new password.').waitFor();

    await confirm.fill(NEW_PASSWORD);
    await submit.click();
    await form.getByText('Your password has been changed.', { exact: false }).waitFor();
    expect(await current.inputValue()).toBe('');

    // Log out, then in: the old password no longer works, the new one does.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(OLD_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: /wrong/i }).waitFor();
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/books\/\d+\//);

    expect(problems()).toEqual([]);
  });

  it('shows amounts and dates in the chosen locale, keeps the choice, and switches the theme', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const bookId = await seed(page, `ada-${Date.now()}@example.com`);
    await page.goto(`/books/${bookId}/accounts`);
    const balance = page.locator('.account-list .amount').first();
    expect(plain(await balance.textContent())).toBe('€1,234.56');

    await page.goto(`/books/${bookId}/settings`);
    const display = page.getByRole('region', { name: 'Display' });
    const locale = display.getByLabel('Language and region for amounts and dates');
    expect(await locale.inputValue()).toBe('');
    expect(plain(await display.locator('.amount').first().textContent())).toBe('€1,234.56');

    await locale.selectOption('de-DE');
    await expect
      .poll(async () => plain(await display.locator('.amount').first().textContent()))
      .toBe('1.234,56 €');
    expect(plain(await display.locator('.amount').nth(1).textContent())).toBe('-1.234,56 €');
    expect(await display.locator('.settings-date').first().textContent()).toMatch(
      /^\d{1,2}\. \p{L}+ \d{4}$/u,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');

    // Everywhere else too, and after a reload.
    await page.getByRole('link', { name: 'Accounts' }).click();
    await expect.poll(async () => plain(await balance.textContent())).toBe('1.234,56 €');
    await page.reload();
    await expect.poll(async () => plain(await balance.textContent())).toBe('1.234,56 €');

    // Theme: a radio group; dark sticks to the document.
    await page.goto(`/books/${bookId}/settings`);
    const theme = page.getByRole('group', { name: 'Theme' });
    expect(await theme.getByLabel('Follow the system').isChecked()).toBe(true);
    await theme.getByLabel('Dark').check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await theme.getByLabel('Follow the system').check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();

    // Back to the browser's default.
    await page.getByLabel('Language and region for amounts and dates').selectOption('');
    await expect
      .poll(async () =>
        plain(await page.getByRole('region', { name: 'Display' }).locator('.amount').first().textContent()),
      )
      .toBe('€1,234.56');

    expect(problems()).toEqual([]);
  });

  it('lets the owner rename the book and lists its members', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const email = `owner-${Date.now()}@example.com`;
    const bookId = await seed(page, email);
    await page.goto(`/books/${bookId}/settings`);

    const book = page.getByRole('form', { name: 'Book', exact: true });
    await book.getByLabel('Book name').fill('Family');
    await book.getByLabel('Base currency').selectOption('CHF');
    await book.getByRole('button', { name: 'Save book' }).click();
    await book.getByText('The book has been saved.').waitFor();
    await expect
      .poll(async () =>
        plain(
          await page
            .getByRole('combobox', { name: 'Book', exact: true })
            .locator('option:checked')
            .textContent(),
        ),
      )
      .toBe('Family (CHF)');

    const members = page.getByRole('table', { name: 'Members of this book' });
    const rows = members.getByRole('row');
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(1).allTextContents()).join(' ')).toMatch(
      new RegExp(`Grace Hopper \\(you\\)\\s*${email.replace('.', '\\.')}\\s*Owner`),
    );
    expect(plain(await page.getByRole('region', { name: 'Members' }).textContent())).toMatch(/later/);

    expect(problems()).toEqual([]);
  });
});
