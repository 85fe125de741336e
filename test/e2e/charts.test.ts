/**
 * The charts at phone and desktop widths (issue 13): no two axis labels overlap, the Sankey's labels
 * stay whole inside the picture, spending bars run largest first, and the dashboard's cards lead to
 * the reports and lists they sum up.
 */
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Charlotte');
  const checking = (
    await post(`${base}/accounts`, {
      name: 'Checking',
      type: 'asset',
      subtype: 'checking',
      openingBalance: { amount: '10000.00', currency: 'EUR' },
      openingDate: '2025-01-01',
    })
  ).id;
  const group = async (name: string, kind: string) =>
    (await post(`${base}/category-groups`, { name, kind })).id as number;
  const category = async (name: string, kind: string, groupId: number) =>
    (await post(`${base}/categories`, { name, kind, groupId })).id as number;
  // Groups in name order are not in size order.
  const salary = await category('Salary and wages', 'income', await group('Earnings', 'income'));
  const bonus = await category('Performance bonuses', 'income', await group('Extras', 'income'));
  const food = await group('Food', 'expense');
  const groceries = await category('Groceries and household', 'expense', food);
  const restaurants = await category('Restaurants and cafés', 'expense', food);
  const home = await group('Home', 'expense');
  const rent = await category('Rent and service charges', 'expense', home);
  const utilities = await category('Electricity and heating', 'expense', home);
  const gifts = await category('Gifts for family and friends', 'expense', await group('Art', 'expense'));
  const travel = await category('Train tickets and taxis', 'expense', await group('Buses', 'expense'));
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const move = (date: string, from: number, to: number, amount: string) =>
    post(`${base}/transactions`, {
      date,
      description: 'x',
      postings: [
        { accountId: from, amount: eur(`-${amount}`) },
        { accountId: to, amount: eur(amount) },
      ],
    });
  for (let month = 1; month <= 12; month++) {
    const day = `2025-${String(month).padStart(2, '0')}-`;
    await move(`${day}01`, salary, checking, '3210.00');
    await move(`${day}02`, checking, rent, '1250.00');
    await move(`${day}03`, checking, groceries, '412.35');
  }
  await move('2025-12-04', bonus, checking, '1500.00');
  await move('2025-12-05', checking, restaurants, '88.40');
  await move('2025-12-06', checking, utilities, '120.00');
  await move('2025-12-07', checking, gifts, '310.00');
  await move('2025-12-08', checking, travel, '45.60');
  return { bookId: bookId as number, groceries };
}

/** The boxes of a chart's texts, in page pixels. */
const boxes = async (texts: Locator) =>
  (await Promise.all((await texts.all()).map((text) => text.boundingBox()))).map((box) => box!);

async function expectNoOverlap(labels: Locator) {
  const found = await boxes(labels);
  expect(found.length).toBeGreaterThan(1);
  for (let i = 1; i < found.length; i++) {
    const [before, after] = [found[i - 1]!, found[i]!];
    expect(before.x + before.width, `label ${i} overlaps label ${i - 1}`).toBeLessThanOrEqual(after.x);
  }
}

async function openReport(page: Page, path: string) {
  await page.goto(path);
  await page.locator('.report h2').first().waitFor();
  await page.locator('.report [aria-busy="true"]').waitFor({ state: 'detached' });
  await page.locator('.report svg.chart').first().waitFor();
}

/** Every text of `chart` lies inside it: none is cut at an edge. */
async function expectTextsInside(chart: Locator) {
  const frame = (await chart.boundingBox())!;
  const texts = chart.locator('text');
  const names = await texts.allTextContents();
  for (const [index, box] of (await boxes(texts)).entries()) {
    expect(box.x, `${names[index]} starts outside`).toBeGreaterThanOrEqual(frame.x - 0.5);
    expect(box.x + box.width, `${names[index]} ends outside`).toBeLessThanOrEqual(
      frame.x + frame.width + 0.5,
    );
  }
}

describeInBrowser('charts', (ctx) => {
  it('keeps axis labels apart, Sankey labels whole, bars by size, at 1280 and 390 px', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { bookId, groceries } = await seed(page.request);
    const year = 'from=2025-01-01&to=2025-12-31';

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      // Income vs expense and a category's trend, twelve months each: the month labels.
      await openReport(page, `/books/${bookId}/reports/income-expense?${year}`);
      await expectNoOverlap(page.locator('.report svg.chart .chart-axis-label'));
      await openReport(page, `/books/${bookId}/reports/trend?categoryId=${groceries}&${year}`);
      await expectNoOverlap(page.locator('.report svg.chart .chart-axis-label'));

      // The Sankey: every label whole and inside the picture.
      await openReport(page, `/books/${bookId}/reports/cash-flow?${year}`);
      const sankey = page.locator('.report svg.sankey');
      const labels = sankey.locator('text');
      const texts = await labels.allTextContents();
      expect(texts.join(' ')).not.toContain('…');
      const labelsInFull = await labels.evaluateAll((all) =>
        all.map((label) => [...label.querySelectorAll('tspan')].map((line) => line.textContent).join(' ')),
      );
      expect(labelsInFull).toContain('Gifts for family and friends €310.00');
      await expectTextsInside(sankey);
    }

    // Spending: groups' bars largest first, whatever their names.
    await openReport(page, `/books/${bookId}/reports/spending?from=2025-12-01&to=2025-12-31`);
    expect(await page.locator('.report svg.chart .chart-label').allTextContents()).toEqual([
      'Home',
      'Food',
      'Art',
      'Buses',
    ]);
    expect(problems()).toEqual([]);
  });

  it('keeps the dashboard bar labels inside, and leads from each card to the report or list it sums up', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await page.clock.setFixedTime(new Date('2025-12-20T12:00:00Z'));
    const { bookId } = await seed(page.request);
    // This month's spending: long category names shortened inside the picture, not cut at its edge.
    await page.goto(`/books/${bookId}/dashboard`);
    await expectTextsInside(page.getByRole('region', { name: /^Spending in/ }).locator('svg.chart'));
    const card = async (name: string | RegExp, url: RegExp) => {
      await page.goto(`/books/${bookId}/dashboard`);
      await page.getByRole('heading', { level: 2, name }).getByRole('link').click();
      await page.waitForURL(url);
    };
    await card('Net worth', /\/reports\/net-worth$/);
    await card(/^Spending in/, /\/reports\/spending\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    await card(/^Income and expense/, /\/reports\/income-expense\?from=/);
    await card('Latest transactions', /\/transactions$/);
    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('link', { name: 'Cash & bank' }).click();
    await page.waitForURL(/\/accounts$/);
    // The latest transaction leads to the register of its account.
    await page.goto(`/books/${bookId}/dashboard`);
    await page
      .getByRole('region', { name: 'Latest transactions' })
      .getByRole('link', { name: /^12\/8\/2025/ })
      .click();
    await page.waitForURL(/\/accounts\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();
    expect(problems()).toEqual([]);
  });
});
