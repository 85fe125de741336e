/**
 * The API's refusals in a person's words, beside the field they are about: the validator's own
 * wording ("Must NOT have fewer than 1 characters") never reaches the page.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUp } from '../support/browser-api.ts';

/**
 * The text of what describes an input: its error (or hint) beside it, read in one go in the page
 * (reading the attribute, then each element, raced the re-render that swaps the hint for the error).
 */
async function description(_page: Page, input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => (document.getElementById(id) as HTMLElement | null)?.innerText ?? '')
      .join(' '),
  );
}

describeInBrowser('form errors in words', (ctx) => {
  it('sign-up says what is wrong with each field, next to it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    await page.goto('/signup');
    const create = page.getByRole('button', { name: 'Create account' });
    await create.click();
    const name = page.getByLabel('Name');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, name)).toBe('Fill this in.');
    expect(await description(page, page.getByLabel('E-mail'))).toBe(
      'Enter an e-mail address, such as name@example.com.',
    );
    expect(await description(page, page.getByLabel('Password'))).toBe('Fill this in.');

    await name.fill('   ');
    await page.getByLabel('E-mail').fill('nobody');
    await page.getByLabel('Password').fill('x'.repeat(201));
    await create.click();
    await expect
      .poll(() => description(page, page.getByLabel('Password')))
      .toBe('Use at most 200 characters.');
    expect(await description(page, name)).toBe('Fill this in: spaces alone are not enough.');
    expect(await page.locator('body').innerText()).not.toMatch(/Must|fewer than|pattern/);
    expect(problems()).toEqual([]);
  });

  it('a new book refused for its name says so beside the name', async () => {
    const { page } = await ctx.newPage({ locale: 'en-US' });
    await signUp(page.request, { email: `books-${Date.now()}@example.com`, name: 'Bo' });
    await page.goto('/books/new');
    const name = page.getByLabel('Name');
    await name.fill('');
    await page.getByRole('button', { name: 'Create book' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, name)).toBe('Fill this in.');
    expect(await page.locator('body').innerText()).not.toMatch(/Must|fewer than/);
  });
});
