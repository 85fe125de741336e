/**
 * A German bank's CSV export of `rows` card payments (ten a day from 1 January of `year`), made up
 * and deterministic: `;`-separated, DD.MM.YYYY dates (day first without asking), decimal comma, 50
 * payees. For tests that import many rows; `total` is what the rows add to the account, in minor units.
 *
 *   const { text, total } = bankCsv(12_000);
 *   writeFileSync(file, text, 'latin1');
 */
export function bankCsv(rows: number, year = 2015): { text: string; total: bigint } {
  const lines = ['Datum;Empfänger;Verwendungszweck;Betrag'];
  let total = 0n;
  for (let i = 0; i < rows; i++) {
    const cents = BigInt(((i * 7919) % 20_000) + 1);
    total -= cents;
    const [y, m, d] = new Date(Date.UTC(year, 0, 1 + Math.floor(i / 10)))
      .toISOString()
      .slice(0, 10)
      .split('-');
    const euros = `${cents / 100n},${String(cents % 100n).padStart(2, '0')}`;
    lines.push(`${d}.${m}.${y};Händler ${i % 50};Ref ${i};-${euros}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, total };
}
