/**
 * Categories, payees and tags in Chromium against the real server: groups and categories made through
 * the page, renamed (Enter saves, Esc cancels), hidden and shown, a delete refused for a category with
 * transactions turned into a merge whose balance moves; payees filtered, renamed, given a default
 * category and merged; tags created, recoloured and deleted. Each page passes axe and fits 360 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUp } from '../support/browser-api.ts';

interface Setup {
  bookId: number;
  checkingId: number;
  csrf: string;
}

/** A user, a book in EUR and a checking account, through the API with the page's own cookies. */
async function setUp(request: APIRequestContext, email: string): Promise<Setup> {
  const csrf = await signUp(request, { email, name: 'Names' });
  const headers = { 'x-csrf-token': csrf };
  const book = await request.post('/api/v1/books', { data: { name: 'Home', baseCurrency: 'EUR' }, headers });
  expect(book.status()).toBe(201);
  const bookId: number = (await book.json()).id;
  const checking = await request.post(`/api/v1/books/${bookId}/accounts`, {
    data: { name: 'Checking', type: 'asset', openingBalance: { amount: '1000.00', currency: 'EUR' } },
    headers,
  });
  expect(checking.status()).toBe(201);
  return { bookId, checkingId: (await checking.json()).id, csrf };
}

async function spend(
  request: APIRequestContext,
  { bookId, checkingId, csrf }: Setup,
  categoryId: number,
  amount: string,
  payeeName: string,
) {
  const reply = await request.post(`/api/v1/books/${bookId}/transactions`, {
    data: {
      date: '2026-03-01',
      payeeName,
      postings: [
        { accountId: checkingId, amount: { amount: `-${amount}`, currency: 'EUR' } },
        { accountId: categoryId, amount: { amount, currency: 'EUR' } },
      ],
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect([reply.status(), await reply.text()]).toEqual([201, expect.any(String)]);
}

async function createCategory(request: APIRequestContext, { bookId, csrf }: Setup, name: string) {
  const reply = await request.post(`/api/v1/books/${bookId}/categories`, {
    data: { name, kind: 'expense' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(reply.status()).toBe(201);
  return (await reply.json()).id as number;
}

async function categoryIds(request: APIRequestContext, bookId: number): Promise<Record<string, number>> {
  const list: { id: number; name: string }[] = await (
    await request.get(`/api/v1/books/${bookId}/categories`)
  ).json();
  return Object.fromEntries(list.map((category) => [category.name, category.id]));
}

/** The list item of a category, found by its name (a "Hidden" badge may follow it). */
function categoryRow(page: Page, name: string) {
  return page
    .locator('.category-list > li')
    .filter({ has: page.locator('.category-name', { hasText: new RegExp(`^${name}( Hidden)?$`) }) });
}

const balance = (page: Page, name: string) =>
  categoryRow(page, name).locator('.amount').first().getAttribute('data-amount');

const nameRow = (page: Page, name: string) =>
  page
    .locator('.name-list > li')
    .filter({ has: page.locator('.item-name', { hasText: new RegExp(`^${name}$`) }) });

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Nothing sticks out sideways at a phone's width. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('categories, payees and tags in the browser', (ctx) => {
  it('builds groups and categories, renames, hides, merges (the balance moves) and cleans up', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const setup = await setUp(page.request, 'categories@example.com');
    await page.goto(`/books/${setup.bookId}/categories`);

    await page.getByRole('heading', { name: 'No categories yet' }).waitFor();
    await expectNoAxeViolations(page, 'categories, empty');
    await page.getByRole('button', { name: 'Create your own group' }).click();
    // The form takes the focus: typing goes straight into the name.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder')))
      .toBe('Housing');
    await page.keyboard.type('Food');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Food', level: 3 }).waitFor();

    await page.getByRole('button', { name: 'New group' }).click();
    await page.getByLabel('Group name').fill('Housing');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: 'Housing', level: 3 }).waitFor();

    // A name the book already has is answered next to the field.
    await page.getByRole('button', { name: 'New group' }).click();
    await page.getByLabel('Group name').fill('food');
    await page.getByRole('button', { name: 'Create group' }).click();
    const nameError = page.locator('form[aria-label="New category group"] .field-error');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe('Already used.');
    await page.getByLabel('Group name').press('Escape');
    await page.locator('form[aria-label="New category group"]').waitFor({ state: 'detached' });

    for (const [name, group] of [
      ['Groceries', 'Food'],
      ['Supermarket', 'Food'],
      ['Rent', 'Housing'],
    ] as const) {
      await page.getByRole('button', { name: `Add category to ${group}` }).click();
      await page.getByLabel('Category name').fill(name);
      expect(await page.getByLabel('Group', { exact: true }).inputValue()).not.toBe('');
      await page.getByRole('button', { name: 'Create category' }).click();
      await categoryRow(page, name).waitFor();
    }
    await page.getByRole('button', { name: 'New category' }).click();
    await page.getByLabel('Category name').fill('Salary');
    await page.getByLabel('Kind').selectOption('income');
    await page.getByRole('button', { name: 'Create category' }).click();
    await categoryRow(page, 'Salary').waitFor();
    expect(
      await page
        .locator('section.category-kind', { has: page.getByRole('heading', { name: 'Income categories' }) })
        .locator('h3')
        .allTextContents(),
    ).toEqual(['No group']);

    // Money moves through the API; the page shows the balances.
    const ids = await categoryIds(page.request, setup.bookId);
    await spend(page.request, setup, ids.Groceries!, '30.00', 'Corner Shop');
    await spend(page.request, setup, ids.Supermarket!, '20.00', 'Corner Shop Ltd');
    await page.reload();
    await categoryRow(page, 'Groceries').waitFor();
    expect(await balance(page, 'Groceries')).toBe('30.00');
    expect(await balance(page, 'Supermarket')).toBe('20.00');
    expect(await categoryRow(page, 'Groceries').locator('.amount').textContent()).toBe('€30.00');
    await expectNoAxeViolations(page, 'categories');

    // Rename inline: Esc cancels (focus back on the button), Enter saves.
    await page.getByRole('button', { name: 'Rename Supermarket', exact: true }).click();
    await page.getByLabel('New name of Supermarket').fill('Nope');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Rename Supermarket');
    await categoryRow(page, 'Supermarket').waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('New name of Supermarket').fill('Supermarkets');
    await page.keyboard.press('Enter');
    await categoryRow(page, 'Supermarkets').waitFor();

    // Move Rent to Food and back to Housing.
    await page.getByRole('button', { name: 'Move Rent to another group' }).click();
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Food' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page
      .locator('section.category-group', { has: page.getByRole('heading', { name: 'Food', level: 3 }) })
      .locator('.category-name', { hasText: 'Rent' })
      .waitFor();

    // Hide: out of sight until "Show hidden", then dimmed with a visible "Hidden" label.
    await page.getByRole('button', { name: 'Hide Rent', exact: true }).click();
    await categoryRow(page, 'Rent').waitFor({ state: 'detached' });
    // The focus goes to the control that brings it back, and screen readers hear what happened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('show-hidden-categories');
    await page.getByRole('status').filter({ hasText: 'Rent is hidden.' }).waitFor({ state: 'attached' });
    const showHidden = page.getByLabel(/Show hidden categories and groups/);
    await expect.poll(() => page.locator('label.checkbox').textContent()).toContain('(1 hidden)');
    await showHidden.check();
    await categoryRow(page, 'Rent').waitFor();
    expect(await categoryRow(page, 'Rent').locator('.badge').textContent()).toBe('Hidden');
    await page.getByRole('button', { name: 'Show Rent', exact: true }).click();
    await categoryRow(page, 'Rent').locator('.badge').waitFor({ state: 'detached' });

    // Hide a group: its categories go with it.
    await page.getByRole('button', { name: 'Hide the group Housing' }).click();
    await page.getByRole('button', { name: 'Show the group Housing' }).click();
    await page.getByRole('button', { name: 'Hide the group Housing' }).waitFor();

    // Groups: rename, and delete an empty one.
    await page.getByRole('button', { name: 'Rename the group Housing' }).click();
    await page.getByLabel('New name of the group Housing').fill('Home');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Home', level: 3 }).waitFor();
    await page.getByRole('button', { name: 'Delete the group Home' }).click();
    await page.getByRole('heading', { name: 'Home', level: 3 }).waitFor({ state: 'detached' });

    // A category with transactions cannot be deleted: the page says so and offers the merge.
    await page.getByRole('button', { name: 'Delete Groceries', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Merge Groceries into another category' });
    await panel.waitFor();
    expect(await panel.getByRole('alert').textContent()).toContain('Groceries has transactions');
    expect(await panel.getByLabel('Merge into').locator('option').allTextContents()).toEqual([
      'Choose a category…',
      'Rent',
      'Supermarkets',
    ]);
    await panel.getByLabel('Merge into').selectOption({ label: 'Supermarkets' });
    await panel.getByRole('button', { name: 'Merge into Supermarkets' }).click();
    await categoryRow(page, 'Groceries').waitFor({ state: 'detached' });
    await expect.poll(() => balance(page, 'Supermarkets')).toBe('50.00');
    expect(Object.keys(await categoryIds(page.request, setup.bookId)).sort()).toEqual([
      'Rent',
      'Salary',
      'Supermarkets',
    ]);

    // A category without transactions goes at once.
    await page.getByRole('button', { name: 'Delete Salary', exact: true }).click();
    await categoryRow(page, 'Salary').waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Salary is deleted.' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await expectNoAxeViolations(page, 'categories, after edits');
    await expectFitsPhone(page);
    expect(problems()).toEqual([]);
  });

  it('filters, renames, sets a default category and merges payees; makes, recolours and deletes tags', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const setup = await setUp(page.request, 'payees@example.com');
    const { bookId, checkingId } = setup;
    const groceries = await createCategory(page.request, setup, 'Groceries');
    await createCategory(page.request, setup, 'Supermarkets');
    const rent = await createCategory(page.request, setup, 'Rent');
    await spend(page.request, setup, groceries, '30.00', 'Corner Shop');
    await spend(page.request, setup, groceries, '20.00', 'Corner Shop Ltd');
    await spend(page.request, setup, rent, '500.00', 'Landlord');

    await page.goto(`/books/${bookId}/payees`);
    await nameRow(page, 'Corner Shop Ltd').waitFor();
    expect(await page.locator('.name-list .item-name').allTextContents()).toEqual([
      'Corner Shop',
      'Corner Shop Ltd',
      'Landlord',
    ]);
    await expectNoAxeViolations(page, 'payees');

    await page.getByLabel('Filter payees').fill('ltd');
    await page.waitForURL(/[?&]q=ltd/);
    await expect
      .poll(() => page.locator('.name-list .item-name').allTextContents())
      .toEqual(['Corner Shop Ltd']);
    await page.getByLabel('Filter payees').fill('');
    await expect.poll(() => page.locator('.name-list .item-name').count()).toBe(3);

    await page.getByRole('button', { name: 'Rename Corner Shop Ltd', exact: true }).click();
    await page.getByLabel('New name of Corner Shop Ltd').fill('Corner Shop Limited');
    await page.keyboard.press('Enter');
    await nameRow(page, 'Corner Shop Limited').waitFor();

    await page.getByRole('button', { name: 'Default category of Corner Shop', exact: true }).click();
    await page.getByLabel('Default category', { exact: true }).selectOption({ label: 'Supermarkets' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => nameRow(page, 'Corner Shop').locator('.item-detail').textContent())
      .toBe('Default category: Supermarkets');

    await page.getByRole('button', { name: 'Merge Corner Shop Limited into another payee' }).click();
    await page.getByLabel('Merge into').selectOption({ label: 'Corner Shop' });
    await page.getByRole('button', { name: 'Merge into Corner Shop', exact: true }).click();
    await nameRow(page, 'Corner Shop Limited').waitFor({ state: 'detached' });
    const register = await (
      await page.request.get(`/api/v1/books/${bookId}/accounts/${checkingId}/register`)
    ).json();
    expect(
      register.items.map((item: { payee: { name: string } | null }) => item.payee?.name ?? null).sort(),
    ).toEqual(['Corner Shop', 'Corner Shop', 'Landlord', null]);

    await page.getByRole('button', { name: 'Delete Landlord', exact: true }).click();
    await page.getByRole('region', { name: 'Delete Landlord?' }).waitFor();
    // The confirmation takes the focus; Enter confirms.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.row-panel') !== null))
      .toBe(true);
    await page.keyboard.press('Enter');
    await nameRow(page, 'Landlord').waitFor({ state: 'detached' });
    await expectFitsPhone(page);

    // Tags.
    await page.getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { name: 'No tags yet' }).waitFor();
    await expectNoAxeViolations(page, 'tags, empty');
    await page.getByLabel('Tag name').fill('Holiday');
    await page.getByLabel('Colour', { exact: true }).fill('#ff0000');
    await page.getByRole('button', { name: 'Create tag' }).click();
    await nameRow(page, 'Holiday').waitFor();
    expect(await nameRow(page, 'Holiday').locator('.item-detail').textContent()).toBe('#ff0000');
    expect(
      await nameRow(page, 'Holiday')
        .locator('.tag-swatch')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(255, 0, 0)');
    await page.getByLabel('Tag name').fill('Work trip');
    await page.getByRole('button', { name: 'Create tag' }).click();
    await nameRow(page, 'Work trip').waitFor();

    await page.getByRole('button', { name: 'Colour of the tag Holiday' }).click();
    await page
      .getByRole('region', { name: 'Colour of Holiday' })
      .getByLabel('Colour', { exact: true })
      .fill('#00aa00');
    await page.getByRole('button', { name: 'Save colour' }).click();
    await expect.poll(() => nameRow(page, 'Holiday').locator('.item-detail').textContent()).toBe('#00aa00');

    await page.getByRole('button', { name: 'Rename the tag Work trip' }).click();
    await page.getByLabel('New name of the tag Work trip').fill('Business trip');
    await page.keyboard.press('Enter');
    await nameRow(page, 'Business trip').waitFor();
    await expectNoAxeViolations(page, 'tags');

    await page.getByRole('button', { name: 'Delete the tag Holiday' }).click();
    await page.getByRole('button', { name: 'Delete Holiday', exact: true }).click();
    await nameRow(page, 'Holiday').waitFor({ state: 'detached' });
    const tags = await (await page.request.get(`/api/v1/books/${bookId}/tags`)).json();
    expect(tags.map((tag: { name: string }) => tag.name)).toEqual(['Business trip']);
    await expectFitsPhone(page);
    expect(problems()).toEqual([]);
  });
});
