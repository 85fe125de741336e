/**
 * Importing bank files in a real Chromium: a CSV with an ambiguous date format (answered), a category
 * changed, the layout edited, committed, seen in the register, undone; an OFX statement whose closing
 * balance agrees, with a likely duplicate flagged and let in; a file with two statements; a bad file.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function seed(request: APIRequestContext, opening: string) {
  const { bookId, base, post } = await signUpWithBook(request, 'Ida');
  const checking = await post(`${base}/accounts`, {
    name: 'Checking',
    type: 'asset',
    subtype: 'checking',
    openingBalance: eur(opening),
    openingDate: '2026-01-01',
  });
  const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
  await post(`${base}/categories`, { name: 'Dining', kind: 'expense' });
  await post(`${base}/categories`, { name: 'Salary', kind: 'income' });
  return { bookId, base, post, checkingId: checking.id as number, groceriesId: groceries.id as number };
}

/** Every date fits day-first and month-first: the page must ask. */
const AMBIGUOUS_CSV = `Date,Payee,Description,Amount
05/03/2026,Corner Market,Weekly shop,-54.20
07/04/2026,ACME,Salary April,2500.00
09/04/2026,Cafe Blue,Coffee,-3.50
`;

/** Written for these tests: four movements and the bank's closing balance. */
const OFX = readFileSync(new URL('../fixtures/import/ofx/march-checking.ofx', import.meta.url), 'utf8');

/** One file, two accounts: a checking account and a credit card. */
const TWO_STATEMENTS = `OFXHEADER:100
DATA:OFXSGML
VERSION:102
CHARSET:1252

<OFX>
<BANKMSGSRSV1><STMTTRNRS><STMTRS>
<CURDEF>EUR
<BANKACCTFROM><BANKID>123<ACCTID>DE001<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260401<DTEND>20260430
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260403<TRNAMT>-10.00<FITID>B1<NAME>Bakery</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>990.00<DTASOF>20260430</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS>
<CURDEF>EUR
<CCACCTFROM><ACCTID>4111XXXX1111</CCACCTFROM>
<BANKTRANLIST><DTSTART>20260401<DTEND>20260430
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260404<TRNAMT>-42.00<FITID>C1<NAME>Bookshop</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260405<TRNAMT>-8.00<FITID>C2<NAME>Cinema</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>-50.00<DTASOF>20260430</LEDGERBAL>
</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>
`;

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(text, 'utf8'),
});

const previewRows = (page: Page) => page.getByRole('table').locator('tbody tr');
const amounts = (page: Page) =>
  previewRows(page).evaluateAll((rows) =>
    rows.map((row) => row.querySelector('.amount')?.getAttribute('data-amount') ?? null),
  );
const text = async (locator: ReturnType<Page['locator']>) =>
  (await locator.innerText()).replace(/\s+/g, ' ').trim();

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
}

async function accountBalance(page: Page, bookId: number, accountId: number) {
  const response = await page.request.get(`/api/v1/books/${bookId}/accounts/${accountId}`);
  return (await response.json()).balance.amount as string;
}

describeInBrowser('import', (ctx) => {
  it('imports a CSV: asks the date format, changes a category, commits, shows it, undoes it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(8_000);
    const { bookId, checkingId, groceriesId } = await seed(page.request, '1000.00');

    await page.goto(`/books/${bookId}/dashboard`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByText('No file imported yet.').waitFor();
    expect(await page.getByLabel('Import into').locator('option:checked').innerText()).toBe('Checking (EUR)');
    await expectAccessible(page);

    // A file the server cannot read: said under the file input.
    await page.getByLabel('Bank file').setInputFiles(file('broken.ofx', OFX.slice(0, 120)));
    const fileField = page.getByRole('group', { name: 'The file' });
    await fileField.getByRole('alert').waitFor();
    expect(await page.getByRole('heading', { name: /^Preview of/ }).count()).toBe(0);

    // The ambiguous CSV: a required question, and no import until it is answered.
    await page.getByLabel('Bank file').setInputFiles(file('bank.csv', AMBIGUOUS_CSV));
    await page.getByRole('heading', { name: 'Preview of bank.csv' }).waitFor();
    const question = page.getByRole('group', { name: /Which date format does this file use/ });
    await question.waitFor();
    const commit = page.getByRole('button', { name: /^Import [\d,]+ transactions?$/ });
    expect(await commit.isDisabled()).toBe(true);
    await page.getByText('Answer the question about the date format first.').waitFor();
    await expectAccessible(page);
    await question.getByLabel(/^DD\/MM\/YYYY/).click();
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => previewRows(page).count()).toBe(3);

    // Exact amounts and the dates read day first (05/03 is 5 March).
    expect(await amounts(page)).toEqual(['-54.20', '2500.00', '-3.50']);
    expect(await text(previewRows(page).nth(0))).toContain('3/5/26');
    expect(await text(previewRows(page).nth(1))).toContain('4/7/26');
    expect(await text(previewRows(page).nth(0))).toContain('Corner Market');
    expect(await text(page.getByRole('region', { name: 'Statement' }))).toContain(
      'Checking after the import',
    );
    expect(await text(page.getByRole('region', { name: 'Statement' }))).toContain('€3,442.30');
    expect(await page.getByLabel('Date format').inputValue()).toBe('DD/MM/YYYY');

    // The raw line on demand.
    await previewRows(page).nth(0).getByText('Source').click();
    await previewRows(page).nth(0).getByText('05/03/2026,Corner Market,Weekly shop,-54.20').waitFor();

    // The layout: inverting the signs and applying reads the file again.
    await page.getByText('CSV layout: columns, dates and amounts').click();
    await page.getByLabel('Invert signs').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => amounts(page)).toEqual(['54.20', '-2500.00', '3.50']);
    await page.getByRole('button', { name: 'Back to the detected layout' }).click();
    await expect.poll(() => amounts(page)).toEqual(['-54.20', '2500.00', '-3.50']);
    // A category chosen for the first row.
    const category = page.getByLabel('Category of line 2');
    await category.selectOption({ label: 'Groceries' });
    await previewRows(page).nth(0).getByText('your choice').waitFor();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    await commit.click();
    const done = page.getByRole('status').filter({ hasText: 'Imported 3 transactions from bank.csv' });
    await done.waitFor();
    expect(await text(done)).toContain('into Checking');
    expect(await accountBalance(page, bookId, checkingId)).toBe('3442.30');
    const imported = (await (await page.request.get(`/api/v1/books/${bookId}/transactions?q=weekly`)).json())
      .items;
    expect(imported).toHaveLength(1);
    expect(imported[0].date).toBe('2026-03-05');
    expect(
      imported[0].postings.some(
        (p: any) => p.accountId === groceriesId && p.amount.amount === '54.20' && p.amount.currency === 'EUR',
      ),
    ).toBe(true);

    // The register shows them and the balance.
    await done.getByRole('link', { name: 'Open Checking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();
    const register = page.getByRole('grid', { name: 'Register of Checking' });
    await register.getByText('Corner Market').waitFor();
    await register.getByText('Cafe Blue').waitFor();
    expect(await text(page.locator('.balance-headline'))).toBe('Balance €3,442.30');

    // Undo from the list of past imports, after a confirmation.
    await page.goto(`/books/${bookId}/import`);
    const batches = page.getByRole('list', { name: 'Past imports, newest first' }).getByRole('listitem');
    await expect.poll(() => batches.count()).toBe(1);
    expect(await text(batches.first())).toContain('3 transactions imported, 0 skipped');
    await batches.first().getByRole('button', { name: 'Undo the import of bank.csv' }).click();
    await expectAccessible(page);
    await batches.first().getByRole('button', { name: 'Delete 3 transactions' }).click();
    await batches
      .first()
      .getByText(/^Undone /)
      .waitFor();
    expect(await batches.first().getByRole('button', { name: /^Undo/ }).count()).toBe(0);
    expect(await accountBalance(page, bookId, checkingId)).toBe('1000.00');
    await page.goto(`/books/${bookId}/accounts/${checkingId}`);
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor();
    expect(await text(page.locator('.balance-headline'))).toBe('Balance €1,000.00');
    expect(await page.getByText('Corner Market').count()).toBe(0);

    expect(problems()).toEqual([]);
  }, 60_000);

  it('imports an OFX statement whose closing balance agrees, with a likely duplicate flagged', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    page.setDefaultTimeout(8_000);
    const { bookId, base, post, checkingId, groceriesId } = await seed(page.request, '5000.00');
    // Entered by hand two days after the bank booked it.
    await post(`${base}/transactions`, {
      date: '2026-03-04',
      payeeName: 'Rewe',
      postings: [
        { accountId: checkingId, amount: eur('-23.45') },
        { accountId: groceriesId, amount: eur('23.45') },
      ],
    });

    await page.goto(`/books/${bookId}/import`);
    await page.getByLabel('Bank file').setInputFiles(file('march.ofx', OFX));
    await page.getByRole('heading', { name: 'Preview of march.ofx' }).waitFor();
    await expect.poll(() => previewRows(page).count()).toBe(4);
    expect(await amounts(page)).toEqual(['-23.45', '-4.20', '2500.00', '-850.00']);

    const statement = page.getByRole('region', { name: 'Statement' });
    expect(await text(statement)).toContain('account DE001');
    expect(await text(statement)).toContain('€6,622.35');
    await statement
      .getByText('The closing balance agrees with the account’s balance after the import.')
      .waitFor();

    // The hand-entered REWE payment: a likely duplicate, left out unless ticked.
    const rewe = previewRows(page).filter({ hasText: 'REWE Markt' });
    await rewe.getByText('Likely duplicate').waitFor();
    const anyway = rewe.getByRole('checkbox', { name: /anyway/ });
    expect(await anyway.isChecked()).toBe(false);
    const commit = page.getByRole('button', { name: /^Import [\d,]+ transactions?$/ });
    expect(await commit.innerText()).toBe('Import 3 transactions');
    await anyway.check();
    expect(await commit.innerText()).toBe('Import 4 transactions');
    await statement.getByText(/differ by/).waitFor();
    expect(await text(statement)).toContain('differ by €23.45');
    await anyway.uncheck();
    await statement.getByText(/agrees/).waitFor();
    await expectAccessible(page);

    await commit.click();
    await page.getByRole('status').filter({ hasText: 'Imported 3 transactions from march.ofx' }).waitFor();
    expect(await accountBalance(page, bookId, checkingId)).toBe('6622.35');

    // The same file again, dropped on the file field this time: everything is already there.
    const dropped = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'march.ofx', { type: 'application/octet-stream' }));
      return transfer;
    }, OFX);
    await page.getByRole('group', { name: 'The file' }).dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('heading', { name: 'Preview of march.ofx' }).waitFor();
    await expect.poll(() => previewRows(page).filter({ hasText: 'Already imported' }).count()).toBe(3);
    expect(await commit.innerText()).toBe('Import 0 transactions');
    expect(await commit.isDisabled()).toBe(true);

    expect(problems()).toEqual([]);
  }, 60_000);

  it('sends each statement of a two-account file to the account chosen for it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(8_000);
    const { bookId, base, post, checkingId } = await seed(page.request, '1000.00');
    const card = await post(`${base}/accounts`, {
      name: 'Visa',
      type: 'liability',
      subtype: 'credit_card',
      openingBalance: eur('0.00'),
      openingDate: '2026-01-01',
    });

    await page.goto(`/books/${bookId}/import`);
    await page.getByLabel('Bank file').setInputFiles(file('both.ofx', TWO_STATEMENTS));
    await page.getByRole('heading', { name: 'Preview of both.ofx' }).waitFor();
    const second = page.getByRole('region', { name: 'Statement 2 of 2' });
    await second.waitFor();
    await second.getByLabel('Import statement 2 of 2 into').selectOption({ label: 'Visa (EUR)' });
    await expect.poll(() => text(second)).toContain('Visa after the import');
    await second.getByText(/agrees/).waitFor();
    await page
      .getByRole('region', { name: 'Statement 1 of 2' })
      .getByText(/agrees/)
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Import 3 transactions' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 3 transactions from both.ofx' }).waitFor();
    expect(await accountBalance(page, bookId, checkingId)).toBe('990.00');
    expect(await accountBalance(page, bookId, card.id)).toBe('-50.00');
    expect(problems()).toEqual([]);
  }, 60_000);
  it('previews a 100,000-row file a page at a time from the server, filters it, and imports it', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US' });
    page.setDefaultTimeout(8_000);
    const { bookId } = await seed(page.request, '0.00');
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 100_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `2025-${String((i % 12) + 1).padStart(2, '0')}-${day},Row ${i + 1},-${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`,
      );
    }
    await page.goto(`/books/${bookId}/import`);
    const started = Date.now();
    await page.getByLabel('Bank file').setInputFiles(file('big.csv', `${lines.join('\n')}\n`));
    await page.getByText('The first 100 rows of 100,000 in the file.').waitFor({ timeout: 60_000 });
    const shown = Date.now() - started;
    expect(await previewRows(page).count()).toBe(100);
    const commit = page.getByRole('button', { name: /^Import [\d,]+ transactions?$/ });
    expect(await commit.innerText()).toBe('Import 100,000 transactions');

    // Ticking a row out updates the counts at once; more rows come from the server on demand.
    const tick = Date.now();
    await page.getByLabel('Import line 2', { exact: true }).uncheck();
    await expect.poll(() => commit.innerText()).toBe('Import 99,999 transactions');
    const ticked = Date.now() - tick;
    await page.getByRole('button', { name: 'Show more rows' }).click();
    await page.getByText('The first 200 rows of 100,000 in the file.').waitFor();
    expect(await previewRows(page).count()).toBe(200);
    await page.getByLabel('Show').selectOption('duplicates');
    await page.getByText('No row to show.').waitFor();
    await page.getByLabel('Show').selectOption('uncategorised');
    await page.getByText('The first 100 matching rows of 100,000 in the file.').waitFor();
    await page.getByLabel('Show').selectOption('all');
    await page.getByText('The first 200 rows of 100,000 in the file.').waitFor();
    expect(await commit.innerText()).toBe('Import 99,999 transactions');

    // The kept preview is written without the file being sent again.
    const importing = Date.now();
    await commit.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 99999 transactions from big.csv' })
      .waitFor({ timeout: 60_000 });
    console.info(
      `100,000-row preview shown after ${shown} ms; a row ticked out in ${ticked} ms; imported in ${Date.now() - importing} ms.`,
    );
    expect(ticked).toBeLessThan(1_000);
    expect(problems()).toEqual([]);
  }, 180_000);
});
