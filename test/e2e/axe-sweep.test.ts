/**
 * Every screen of the web app through axe, in the light and the dark theme, at a desktop's and a
 * phone's width: the demo household (two years, an account in dollars, splits, transfers) with
 * envelope budgeting on, each page once it has drawn its data. A new page must be added here.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { planDemo } from '../../src/cli/demo/plan.ts';
import { writeDemo } from '../../src/cli/demo/write.ts';
import { describeInBrowser } from '../support/browser.ts';
import { signUp } from '../support/browser-api.ts';

const REPORTS = [
  'spending',
  'income-expense',
  'net-worth',
  'cash-flow',
  'balance-sheet',
  'income-statement',
  'trend',
];

async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describeInBrowser('every screen passes axe, light and dark', (ctx) => {
  it('has no violation anywhere in the demo household', { timeout: 180_000 }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const email = `sweep-${Date.now()}@example.com`;
    const csrf = await signUp(page.request, { email, name: 'Sweep' });
    const user = await (await page.request.get('/api/v1/auth/me')).json();
    const { bookId } = await writeDemo(
      ctx.server.database.db,
      user.user.id,
      planDemo({ seed: 7, years: 2, endDate: '2026-11-30' }),
      new Date().toISOString(),
    );
    const headers = { 'x-csrf-token': csrf };
    const settings = await page.request.put(`/api/v1/books/${bookId}/envelope/settings`, {
      data: { enabled: true, startMonth: '2026-01' },
      headers,
    });
    expect(settings.status()).toBe(200);
    const accounts = await (await page.request.get(`/api/v1/books/${bookId}/accounts`)).json();
    const checking = accounts.find((a: { name: string }) => a.name === 'Checking').id;

    const book = `/books/${bookId}`;
    const screens: [string, string][] = [
      ['dashboard', `${book}/dashboard`],
      ['accounts', `${book}/accounts`],
      ['register', `${book}/accounts/${checking}`],
      ['transactions', `${book}/transactions`],
      ['import', `${book}/import`],
      ['rules', `${book}/rules`],
      ['budgets', `${book}/budgets`],
      ...REPORTS.map((report): [string, string] => [`report ${report}`, `${book}/reports/${report}`]),
      ['categories', `${book}/categories`],
      ['payees', `${book}/payees`],
      ['tags', `${book}/tags`],
      ['settings', `${book}/settings`],
      ['new book', '/books/new'],
    ];
    const found: string[] = [];
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, path] of screens) {
          await page.goto(path);
          await page.locator('h1').first().waitFor();
          // The page's own data, not the frame's loading line.
          await expect.poll(() => page.locator('.loading').count(), { timeout: 10_000 }).toBe(0);
          found.push(...(await violations(page, `${name} ${width} ${scheme}`)));
        }
      }
    }
    expect(found).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it('has none on the pages before logging in', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await ctx.newPage({ locale: 'en-GB', colorScheme: scheme });
      for (const path of ['/login', '/signup']) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        expect(await violations(page, `${path} ${scheme}`)).toEqual([]);
      }
    }
  });
});
