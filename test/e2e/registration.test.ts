/**
 * Who may register, in Chromium against the real server: on a new instance (registration closed, as
 * by default) the first visitor is led to create the administrator, a weak password is refused with
 * the server's reason beside the field, and afterwards the login page offers no "Create an account"
 * and the sign-up page says registration is closed. With registration open, the link is there.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startWebServer, type WebServer } from '../support/browser.ts';
import { signUp } from '../support/browser-api.ts';

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} (${v.impact})`)).toEqual([]);
}

/** Opens the login page and waits until it knows whether registration is possible. */
async function openLogin(page: Page) {
  const options = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/options'));
  await page.goto('/login');
  await options;
}

describeInBrowser('who may register, in the browser', (ctx) => {
  let closed: WebServer | undefined;
  beforeAll(async () => {
    closed = await startWebServer({ config: { registration: 'closed' } });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it('leads the first visitor to create the administrator, then closes the door', async () => {
    const { page, problems } = await ctx.newPage({ baseURL: closed!.url, locale: 'en-US' });
    await page.goto('/');
    await page.waitForURL('**/signup');
    await page.getByRole('heading', { level: 1, name: 'Create the administrator account' }).waitFor();
    await expectNoAxeViolations(page, 'first user');

    await page.getByLabel('Name').fill('Ada Admin');
    await page.getByLabel('E-mail').fill('admin@example.com');
    await page.getByLabel('Password').fill('password12');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText(/commonly used password/).waitFor();
    expect(page.url()).toMatch(/\/signup$/);

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/books/new');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ email: 'admin@example.com', isAdmin: true });
    expect(problems()).toEqual([]);

    const stranger = await ctx.newPage({ baseURL: closed!.url, locale: 'en-US' });
    await openLogin(stranger.page);
    await stranger.page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await stranger.page.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
    await stranger.page.goto('/signup');
    await stranger.page.getByRole('heading', { level: 1, name: 'Registration is closed' }).waitFor();
    expect(await stranger.page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    await expectNoAxeViolations(stranger.page, 'registration closed');
    expect(stranger.problems()).toEqual([]);
  });

  it('offers "Create an account" on the login page when registration is open', async () => {
    const seeder = await ctx.newPage();
    await signUp(seeder.page.request, { email: `first-${Date.now()}@example.com`, name: 'First' });

    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await openLogin(page);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    expect(problems()).toEqual([]);
  });
});
