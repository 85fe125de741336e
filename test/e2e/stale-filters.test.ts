/**
 * Bookmarked views whose filter names an item since deleted: the API refuses such a filter (422
 * UNKNOWN_PAYEE / UNKNOWN_TAG / UNKNOWN_ACCOUNT at `query:<name>`), and the web app drops it from
 * the address, loads the view without it and says which filter went, asking the server once more
 * and no more.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

/** A book with a checking account, two categories, a payee and a tag, and two spendings. */
async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Noor');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: { amount: '1000.00', currency: 'EUR' },
    openingDate: '2025-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  const payee = await post(`${base}/payees`, { name: 'Corner Market' });
  const tag = await post(`${base}/tags`, { name: 'holiday' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const spend = (date: string, category: number, amount: string, extra: object) =>
    post(`${base}/transactions`, {
      date,
      description: 'Spent',
      postings: [
        { accountId: checking.id, amount: eur(`-${amount}`) },
        { accountId: category, amount: eur(amount) },
      ],
      ...extra,
    });
  await spend('2025-03-01', groceries.id, '40.00', { payeeId: payee.id, tagIds: [tag.id] });
  await spend('2025-03-02', dining.id, '15.00', { payeeName: 'Café Blue' });
  /** Deletes through the API with the CSRF token of the page's session. */
  const remove = async (path: string) => {
    const me = await (await request.get('/api/v1/auth/me')).json();
    const response = await request.delete(`${base}${path}`, { headers: { 'x-csrf-token': me.csrfToken } });
    expect([path, response.status()]).toEqual([path, 204]);
  };
  return {
    bookId: bookId as number,
    payeeId: payee.id as number,
    tagId: tag.id as number,
    groceriesId: groceries.id as number,
    diningId: dining.id as number,
    remove,
    post: (path: string, data: unknown) => post(`${base}${path}`, data),
  };
}

/** Counts the page's GETs of one API path (query strings aside), to catch a request loop. */
function countRequests(page: Page, pathPattern: RegExp): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && pathPattern.test(new URL(request.url()).pathname)) count += 1;
  });
  return () => count;
}

const rows = (page: Page) =>
  page.getByRole('list', { name: 'Transactions, newest first' }).getByRole('listitem');
const notice = (page: Page) => page.locator('.stale-filters.notice');

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

describeInBrowser('stale id filters', (ctx) => {
  it('drops a deleted payee and tag from a bookmarked transactions view, loads it and says so', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, payeeId, tagId, remove } = await seed(page.request);

    await page.goto(`/books/${bookId}/transactions?payeeId=${payeeId}&tagId=${tagId}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Corner Market');

    await remove(`/payees/${payeeId}`);
    await remove(`/tags/${tagId}`);
    const lists = countRequests(page, new RegExp(`^/api/v1/books/${bookId}/transactions$`));
    await page.reload();

    // The whole list loads (the two spendings and the opening balance), without the stale filters.
    await expect.poll(() => rows(page).count()).toBe(3);
    const search = new URL(page.url()).searchParams;
    expect([search.has('payeeId'), search.has('tagId')]).toEqual([false, false]);
    expect(await notice(page).textContent()).toContain(
      'Removed from the filters: a payee and a tag that no longer exist',
    );
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Payee').inputValue()).toBe('');
    // One refusal, one answer, and quiet after that.
    await page.waitForTimeout(500);
    expect(lists()).toBe(2);
    await expectNoAxeViolations(page);

    // The notice goes from the keyboard, and the focus lands on the page, not on nothing.
    await notice(page).getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await notice(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await rows(page).count()).toBe(3);

    expect(problems()).toEqual([]);
  });

  it('drops only the deleted categories from a report, on reload and within the app', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    const { bookId, groceriesId, diningId, post, remove } = await seed(page.request);
    const travel = await post('/categories', { name: 'Travel', kind: 'expense' });
    const gifts = await post('/categories', { name: 'Gifts', kind: 'expense' });
    const total = async (expected: string) =>
      expect.poll(() => page.locator('.report .big-number').first().textContent()).toBe(`Total: ${expected}`);
    const categoryIds = () => new URL(page.url()).searchParams.get('categoryIds');
    const ids = [groceriesId, diningId, travel.id, gifts.id].join(',');

    await page.goto(`/books/${bookId}/reports/spending?from=2025-03-01&to=2025-03-31&categoryIds=${ids}`);
    await page.getByRole('heading', { level: 2, name: 'Spending by category' }).waitFor();
    await total('€55.00');

    // A reload asks afresh: Travel goes from the address, the others stay, the report loads.
    await remove(`/categories/${travel.id}`);
    const reports = countRequests(page, new RegExp(`^/api/v1/books/${bookId}/reports/`));
    await page.reload();
    await expect.poll(categoryIds).toBe([groceriesId, diningId, gifts.id].join(','));
    await total('€55.00');
    expect(await notice(page).textContent()).toContain(
      'Removed from the filters: a category that no longer exists',
    );
    expect(await page.locator('.report .notice-error').count()).toBe(0);
    expect(await page.locator('.report-filters summary').textContent()).toBe('Filters (1 active)');
    await page.waitForTimeout(500);
    expect(reports()).toBe(2);
    await expectNoAxeViolations(page);

    // Within the app the category list is still cached with Gifts in it; the app asks for the list
    // again rather than dropping every category.
    await remove(`/categories/${gifts.id}`);
    await page
      .getByRole('navigation', { name: 'Reports' })
      .getByRole('link', { name: 'Income vs expense' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Income vs expense' }).waitFor();
    await expect.poll(categoryIds).toBe([groceriesId, diningId].join(','));
    await expect.poll(() => page.locator('.report-summary').count()).toBe(1);
    expect(await page.locator('.report-summary').textContent()).toContain('Expense€55.00');
    expect(await notice(page).textContent()).toContain('a category that no longer exists');
    expect(await page.locator('.report .notice-error').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(reports()).toBe(4);

    expect(problems()).toEqual([]);
  });
});
