import { formatLocaleAmount } from '../../core/money/locale.ts';
import type { MoneyJson } from '../api/types.ts';
import { largestFirst, niceCeiling, plotValue, wrapLabel } from './chart-scale.ts';

/** Horizontal bars, one per row, largest first, each labelled with its exact amount. */
export function BarChart({
  rows,
  locale,
  className = 'bar-expense',
}: {
  rows: { key: string; label: string; value: MoneyJson }[];
  locale: string;
  className?: string;
}) {
  const sorted = largestFirst(rows);
  const max = niceCeiling(Math.max(0, ...rows.map((row) => plotValue(row.value))));
  const rowHeight = 30;
  return (
    <svg
      className="chart"
      viewBox={`0 0 440 ${Math.max(1, rows.length) * rowHeight}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {sorted.map((row, index) => {
        const width = Math.max(0, (plotValue(row.value) / max) * 170);
        const y = index * rowHeight;
        return (
          <g key={row.key}>
            <text x="130" y={y + 19} textAnchor="end" className="chart-label">
              {wrapLabel(row.label, 126, 1)[0]}
            </text>
            <rect x="140" y={y + 5} width={width} height={rowHeight - 10} rx="3" className={className} />
            <text x={146 + width} y={y + 19} className="chart-value">
              {formatLocaleAmount(row.value.amount, locale, { currency: row.value.currency })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
