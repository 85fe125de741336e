/**
 * The register on a phone (390 px) in a real Chromium: a card per transaction with everything a
 * line has, its actions in a visible "⋯" menu, and an Add button in reach of a thumb that covers
 * nothing; axe finds nothing to fault.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { signUpWithBook } from '../support/browser-api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeInBrowser('register on a phone', (ctx) => {
  it('shows cards with date, payee, category, amount and balance, and actions in reach', async () => {
    const { page, problems } = await ctx.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const { bookId, base, post } = await signUpWithBook(page.request, 'Pia');
    const account = (name: string) =>
      post(`${base}/accounts`, {
        name,
        type: 'asset',
        subtype: 'checking',
        openingBalance: eur('1000.00'),
        openingDate: '2025-01-01',
      });
    const checking = await account('Checking');
    const savings = await account('Savings');
    const groceries = await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
    const fuel = await post(`${base}/categories`, { name: 'Fuel', kind: 'expense' });
    const pay = (date: string, payeeName: string, lines: [number, string][]) =>
      post(`${base}/transactions`, {
        date,
        payeeName,
        postings: [
          {
            accountId: checking.id,
            amount: eur(`-${lines.reduce((s, [, a]) => s + Number(a), 0).toFixed(2)}`),
          },
          ...lines.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
        ],
      });
    await pay('2025-03-01', 'Supermarket Wholesale Centre', [[groceries.id, '54.20']]);
    await pay('2025-03-02', 'Petrol and Groceries Stop', [
      [groceries.id, '10.00'],
      [fuel.id, '40.00'],
    ]);
    await pay('2025-03-03', 'Rainy day fund', [[savings.id, '100.00']]);
    for (let day = 4; day <= 20; day++)
      await pay(`2025-03-${String(day).padStart(2, '0')}`, `Shop ${day}`, [[fuel.id, '1.00']]);

    await page.goto(`/books/${bookId}/accounts/${checking.id}`);
    const grid = page.getByRole('grid', { name: 'Register of Checking' });
    const card = (text: string) => grid.getByRole('row').filter({ hasText: text });
    const toEnd = () =>
      grid.evaluate((g) => {
        const body = g.querySelector('.register-body')!;
        body.scrollTop = body.scrollHeight;
      });
    await card('Shop 20').waitFor();
    await toEnd(); // the register shows only the rows near its scroll position
    await card('Supermarket').waitFor();
    await card('Supermarket').evaluate((row) => row.scrollIntoView({ block: 'center' }));

    // Everything a line has, the payee in full.
    const visibleText = (text: string) =>
      card(text).evaluate((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' '));
    const first = await visibleText('Supermarket');
    for (const part of ['Supermarket Wholesale Centre', 'Groceries', '-€54.20', '€945.80', '3/1/25']) {
      expect(first).toContain(part);
    }
    expect(await visibleText('Petrol')).toContain('Split (2)');
    expect(await visibleText('Rainy day')).toContain('Transfer to Savings');

    // A card fits the screen: nothing cut, nothing wider than the phone.
    const box = await card('Supermarket').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    const payee = card('Supermarket').getByText('Supermarket Wholesale Centre');
    expect(await payee.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    // The "⋯" menu is there to see, and edits.
    const menu = card('Supermarket').getByRole('button', { name: /^Actions for/ });
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const editor = page.getByRole('form', { name: /^Edit transaction/ });
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Split' }).click();
    // The editor fits the phone: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nor does the Add button float over it.
    expect(await page.getByRole('button', { name: 'Add transaction' }).isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Add: at the bottom right, in a thumb's reach, over no card's amount or menu.
    const add = page.getByRole('button', { name: 'Add transaction' });
    const addBox = (await add.boundingBox())!;
    expect(addBox.x + addBox.width).toBeGreaterThan(390 - 40);
    expect(addBox.y + addBox.height).toBeGreaterThan(844 - 120);
    expect(addBox.height).toBeGreaterThanOrEqual(44);
    await toEnd();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const last = grid.getByRole('row').filter({ hasText: 'Opening' });
    await last.waitFor();
    const lastMenu = (await last.getByRole('button', { name: /^Actions for/ }).boundingBox())!;
    const overlaps =
      lastMenu.x < addBox.x + addBox.width &&
      addBox.x < lastMenu.x + lastMenu.width &&
      lastMenu.y < addBox.y + addBox.height &&
      addBox.y < lastMenu.y + lastMenu.height;
    expect(overlaps).toBe(false);
    await add.click();
    await page.getByRole('form', { name: 'New transaction' }).waitFor();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    expect(problems()).toEqual([]);
  }, 60_000);
});
