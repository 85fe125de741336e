import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { moneyJson } from '../../money-json.ts';
import { categorySums } from './category-sums.ts';
import type { ReportFilter } from './filters.ts';

interface Node {
  id: string;
  name: string;
  kind: 'income' | 'budget' | 'expense' | 'savings';
  categoryId: number | null;
}

/**
 * Cash flow as a Sankey graph in the base currency: income categories → "budget" → expense
 * categories, and the rest → "savings" (or "from savings" → budget when spending exceeded income).
 * Every link is positive: a category whose net runs against its kind (refunds above spending,
 * income given back) flows the other way, so inflows equal outflows exactly.
 */
export async function cashFlow(
  db: Db,
  bookId: number,
  base: string,
  range: { from: IsoDate; to: IsoDate },
  filter: ReportFilter,
) {
  const all = await categorySums(db, bookId, range, filter, ['income', 'expense']);
  const sums = all.filter((row) => row.currency === base && row.total !== 0n);
  // Categories in other currencies cannot join the flows until exchange rates exist: their
  // money in and out is summed per currency beside them instead.
  const apart = new Map<string, { income: bigint; expense: bigint }>();
  for (const row of all) {
    if (row.currency === base) continue;
    const sum = apart.get(row.currency) ?? { income: 0n, expense: 0n };
    if (row.total < 0n) sum.income -= row.total;
    else sum.expense += row.total;
    apart.set(row.currency, sum);
  }
  const nodes: Node[] = [];
  const links: { source: string; target: string; value: bigint }[] = [];
  let inflow = 0n;
  let outflow = 0n;
  // Postings into the budget are negative on the category side (income is credited): inflows
  // first, then outflows, so a chart reads left to right.
  for (const into of [true, false]) {
    for (const row of sums.filter((r) => r.total < 0n === into)) {
      const id = `category:${row.categoryId}`;
      nodes.push({ id, name: row.name, kind: row.type, categoryId: row.categoryId });
      if (into) {
        links.push({ source: id, target: 'budget', value: -row.total });
        inflow -= row.total;
      } else {
        links.push({ source: 'budget', target: id, value: row.total });
        outflow += row.total;
      }
    }
  }
  nodes.push({ id: 'budget', name: 'Budget', kind: 'budget', categoryId: null });
  if (inflow > outflow) {
    nodes.push({ id: 'savings', name: 'Savings', kind: 'savings', categoryId: null });
    links.push({ source: 'budget', target: 'savings', value: inflow - outflow });
  } else if (outflow > inflow) {
    nodes.push({ id: 'from-savings', name: 'From savings', kind: 'savings', categoryId: null });
    links.push({ source: 'from-savings', target: 'budget', value: outflow - inflow });
  }
  return {
    ...range,
    currency: base,
    nodes,
    links: links.map((link) => ({ ...link, value: moneyJson(link.value, base) })),
    income: moneyJson(inflow, base),
    expense: moneyJson(outflow, base),
    otherCurrencies: [...apart]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sum]) => ({
        currency,
        income: moneyJson(sum.income, currency).amount,
        expense: moneyJson(sum.expense, currency).amount,
      })),
  };
}
