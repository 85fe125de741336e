/**
 * Settings → Data in Chromium: the book's backup and exports download as files, a file that is not a
 * backup is refused with where it is wrong, and the backup restores into a new book the switcher
 * then offers, with the same transactions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const SHOTS = new URL('../../reports/screenshots/', import.meta.url).pathname;

describeInBrowser('settings: the book’s data', (ctx) => {
  it('downloads the backup, CSV and journal, and restores the backup into a new book', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { bookId, base, post } = await signUpWithBook(page.request, 'Dora');
    const checking = await post(`${base}/accounts`, { name: 'Checking', type: 'asset', subtype: 'checking' });
    const food = await post(`${base}/categories`, { name: 'Food', kind: 'expense' });
    for (const [date, amount] of [
      ['2026-03-01', '12.50'],
      ['2026-03-02', '7.25'],
    ]) {
      await post(`${base}/transactions`, {
        date,
        postings: [
          { accountId: checking.id, amount: { amount: `-${amount}`, currency: 'EUR' } },
          { accountId: food.id, amount: { amount, currency: 'EUR' } },
        ],
      });
    }
    await page.goto(`/books/${bookId}/settings`);
    const data = page.getByRole('region', { name: 'Data' });
    await data.waitFor();
    const axe = await new AxeBuilder({ page }).include('.settings').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    const downloaded = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        data.getByRole('link', { name }).click(),
      ]);
      const path = join(tmpdir(), `moneta-${Date.now()}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
    };
    const backup = await downloaded('Download a full backup');
    expect(backup.name).toMatch(/^moneta-backup-\d+-\d{4}-\d\d-\d\d\.json$/);
    expect(JSON.parse(backup.text).transactions).toHaveLength(2);
    const csv = await downloaded('Export transactions (CSV)');
    expect(csv.text.split('\n')[0]).toContain('date');
    const journal = await downloaded('Export a journal (hledger)');
    expect(journal.text).toContain('2026-03-02');

    // Not a backup: refused, with where it is wrong.
    const broken = join(tmpdir(), `moneta-broken-${Date.now()}.json`);
    writeFileSync(broken, JSON.stringify({ format: 'something else' }));
    const form = page.getByRole('form', { name: 'Restore a backup' });
    await form.getByLabel('Backup file').setInputFiles(broken);
    await form.getByRole('button', { name: 'Restore' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.locator('.restore-problems').textContent()).toContain('/format');

    await form.getByLabel('Backup file').setInputFiles(backup.path);
    await form.getByLabel('Name of the new book (optional)').fill('Home (restored)');
    await form.getByRole('button', { name: 'Restore' }).click();
    await form.getByText('Restored “Home (restored)”: 2 transactions').waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}settings-data-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}settings-data-390-dark.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await form.getByRole('link', { name: 'Open it' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith(`/books/${bookId}/`));
    const restoredId = Number(/\/books\/(\d+)/.exec(page.url())?.[1]);
    expect(restoredId).not.toBe(bookId);
    const list = await (await page.request.get(`/api/v1/books/${restoredId}/transactions`)).json();
    expect(list.items.map((t: { date: string }) => t.date)).toEqual(['2026-03-02', '2026-03-01']);
    expect(problems()).toEqual([]);
  });
});
