/**
 * Rules in a real Chromium: written through the form (a text condition and a category; a split),
 * reordered, switched off and on, used by an import's preview ("set by a rule"), applied to the
 * transactions already in the book after a dry run, edited and deleted.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function seed(request: APIRequestContext) {
  const { bookId, base, post } = await signUpWithBook(request, 'Rue');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: eur('800.00'),
    openingDate: '2026-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  const dining = await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  const household = await post(`${base}/categories`, { name: 'Household', kind: 'expense' });
  // Filed under Dining by mistake: the rule will move it.
  const misfiled = await post(`${base}/transactions`, {
    date: '2026-02-10',
    payeeName: 'REWE City',
    description: 'Weekend shop',
    postings: [
      { accountId: checking.id, amount: eur('-31.70') },
      { accountId: dining.id, amount: eur('31.70') },
    ],
  });
  return {
    bookId,
    base,
    checkingId: checking.id as number,
    ids: { groceries: groceries.id, dining: dining.id, household: household.id },
    misfiledId: misfiled.id as number,
  };
}

const OFX = `OFXHEADER:100
DATA:OFXSGML
VERSION:102
CHARSET:1252

<OFX>
<BANKMSGSRSV1><STMTTRNRS><STMTRS>
<CURDEF>EUR
<BANKACCTFROM><BANKID>123<ACCTID>DE001<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260301<DTEND>20260331
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260302<TRNAMT>-23.45<FITID>R1<NAME>REWE Markt<MEMO>Card 1234</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-4.20<FITID>R2<NAME>Corner Cafe</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>740.65<DTASOF>20260331</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
`;

const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
}

describeInBrowser('rules', (ctx) => {
  it('writes rules, orders them, sees one at work in an import, and applies them with a preview', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(8_000);
    const { bookId, base, checkingId, ids, misfiledId } = await seed(page.request);
    const rulesApi = async () => (await (await page.request.get(`${base}/rules`)).json()) as any[];

    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    await page.getByRole('heading', { name: 'No rules yet' }).waitFor();
    await expectAccessible(page);

    // "payee contains REWE → Groceries", from the labels alone; an empty submit first.
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByRole('button', { name: 'Create rule' }).click();
    await form.getByText('Enter a name.').waitFor();
    await form.getByText('Enter the text to look for.').waitFor();
    await form.getByText('Choose a category.').waitFor();
    await form.getByLabel('Name').fill('REWE is groceries');
    expect(await form.getByLabel('Condition 1').inputValue()).toBe('payee');
    expect(await form.getByLabel('How it compares').inputValue()).toBe('contains');
    await form.getByLabel('Text').fill('REWE');
    await form.getByLabel('Category').selectOption({ label: 'Groceries' });
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await form.getByRole('button', { name: 'Create rule' }).click();
    await form.waitFor({ state: 'detached' });

    const items = page.getByRole('list', { name: 'Rules, in the order they run' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    expect(await text(items.first())).toContain('When payee contains “REWE”');
    expect(await text(items.first())).toContain('→ Set the category to Groceries');
    expect((await rulesApi())[0]).toMatchObject({
      name: 'REWE is groceries',
      enabled: true,
      match: 'all',
      conditions: [{ field: 'payee', operator: 'contains', value: 'REWE' }],
      actions: [{ type: 'setCategory', categoryId: ids.groceries }],
    });

    // A second rule with a split: half to Groceries, the rest to Household.
    await page.getByRole('button', { name: 'New rule' }).click();
    const second = page.getByRole('form', { name: 'New rule' });
    await second.getByLabel('Name').fill('Big shop');
    await second.getByLabel('Condition 1').selectOption({ label: 'Description' });
    await second.getByLabel('Text').fill('big shop');
    await second.getByLabel('Action 1').selectOption({ label: 'Split between categories' });
    await second.getByLabel('Part 1: category').selectOption({ label: 'Groceries' });
    await second.getByLabel('Part 1: percent').fill('50');
    await second.getByLabel('Part 2: category').selectOption({ label: 'Household' });
    expect(await second.getByLabel('Part 2: share').inputValue()).toBe('rest');
    await second.getByRole('button', { name: 'Create rule' }).click();
    await second.waitFor({ state: 'detached' });
    await expect.poll(() => items.count()).toBe(2);
    expect(await text(items.nth(1))).toContain('Split: 50 % to Groceries, the rest to Household');

    // Order: the split rule moves up, from the keyboard.
    await items.nth(1).getByRole('button', { name: 'Move up Big shop' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await rulesApi()).map((r) => r.name))
      .toEqual(['Big shop', 'REWE is groceries']);
    await expect.poll(() => text(items.first())).toContain('Big shop');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move down Big shop');

    // Off and on again.
    const toggle = page.getByRole('checkbox', { name: 'Enabled: Big shop' });
    await toggle.uncheck();
    await expect.poll(async () => (await rulesApi())[0].enabled).toBe(false);
    await items.first().getByText('Off').waitFor();
    await toggle.check();
    await expect.poll(async () => (await rulesApi())[0].enabled).toBe(true);

    // An import's preview shows the category the rule set, and says so.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Bank file').setInputFiles({
      name: 'march.ofx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(OFX, 'utf8'),
    });
    await page.getByRole('heading', { name: 'Preview of march.ofx' }).waitFor();
    const rewe = page.getByRole('table').locator('tbody tr').filter({ hasText: 'REWE Markt' });
    await rewe.getByText('set by a rule').waitFor();
    expect(
      await rewe.getByLabel('Category of line', { exact: false }).locator('option:checked').innerText(),
    ).toBe('Groceries');
    const cafe = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Corner Cafe' });
    expect(await cafe.getByText('set by a rule').count()).toBe(0);

    // Applying the rules to what is already in the book: first what would change.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Rules' }).click();
    const apply = page.getByRole('region', { name: 'Apply to existing transactions' });
    await apply.getByLabel('Account').selectOption({ label: 'Checking' });
    await apply.getByRole('button', { name: 'Preview the changes' }).click();
    await apply.getByText(/1 would change/).waitFor();
    const change = apply.getByRole('table').locator('tbody tr');
    await expect.poll(() => change.count()).toBe(1);
    expect(await text(change.first())).toContain('REWE City');
    expect(await text(change.first())).toContain('-€31.70');
    expect(await text(change.first())).toMatch(/Category: Dining → (becomes )?Groceries/);
    await expectAccessible(page);
    const before = await (await page.request.get(`${base}/transactions/${misfiledId}`)).json();
    expect(before.postings.some((p: any) => p.accountId === ids.dining)).toBe(true);

    await apply.getByRole('button', { name: 'Apply 1 change' }).click();
    await apply.getByText('1 transaction changed.').waitFor();
    const after = await (await page.request.get(`${base}/transactions/${misfiledId}`)).json();
    expect(after.postings.map((p: any) => [p.accountId, p.amount.amount]).sort()).toEqual(
      [
        [checkingId, '-31.70'],
        [ids.groceries, '31.70'],
      ].sort(),
    );

    // Edit the name, then delete the rule after confirming.
    await items.nth(1).getByRole('button', { name: 'Edit REWE is groceries' }).click();
    const edit = page.getByRole('form', { name: 'Edit REWE is groceries' });
    await edit.getByLabel('Name').fill('REWE');
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(async () => (await rulesApi()).map((r) => r.name)).toEqual(['Big shop', 'REWE']);
    await items.nth(1).getByRole('button', { name: 'Delete REWE' }).click();
    await page.getByRole('button', { name: 'Delete REWE' }).last().click();
    await expect.poll(() => items.count()).toBe(1);
    expect((await rulesApi()).map((r) => r.name)).toEqual(['Big shop']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    expect(problems()).toEqual([]);
  }, 60_000);
});
