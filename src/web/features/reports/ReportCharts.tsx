import { formatLocaleAmount } from '../../../core/money/locale.ts';
import type { MoneyJson } from '../../api/types.ts';
import { labelStep, niceCeiling, plotValue } from '../../ui/chart-scale.ts';

/**
 * The reports' charts as plain SVG, hidden from screen readers: every report shows the same
 * figures in a table beside its chart. Geometry comes from plain numbers; labels print exact amounts.
 */
const label = (value: MoneyJson, locale: string) =>
  formatLocaleAmount(value.amount, locale, { currency: value.currency });

export interface ColumnSeries {
  name: string;
  className: string;
}

/** Columns per period for each series side by side, with a legend naming each series in text. */
export function ColumnChart({
  periods,
  series,
  locale,
}: {
  periods: { label: string; values: MoneyJson[] }[];
  series: ColumnSeries[];
  locale: string;
}) {
  const currency = periods[0]?.values[0]?.currency ?? 'EUR';
  const max = niceCeiling(Math.max(0, ...periods.flatMap((p) => p.values.map(plotValue))));
  const height = 200;
  const left = 70;
  const slot = (600 - left) / Math.max(1, periods.length);
  const bar = Math.max(2, Math.min(18, slot / series.length - 3));
  const scale = (value: number) => (Math.max(0, value) / max) * height;
  const step = labelStep(
    periods.map((p) => p.label),
    slot,
  );
  return (
    <svg
      className="chart"
      viewBox={`0 0 600 ${height + 56}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line
            x1={left}
            x2="600"
            y1={height - f * height + 4}
            y2={height - f * height + 4}
            className="chart-grid"
          />
          <text x={left - 6} y={height - f * height + 8} textAnchor="end" className="chart-value">
            {label({ amount: String(f * max), currency }, locale).replace(/[.,]00(?=\D*$)/, '')}
          </text>
        </g>
      ))}
      {periods.map((period, index) => {
        const centre = left + index * slot + slot / 2;
        const start = centre - (bar * series.length + (series.length - 1)) / 2;
        return (
          <g key={period.label}>
            {period.values.map((value, s) => {
              const h = scale(plotValue(value));
              return (
                <rect
                  key={series[s]!.name}
                  x={start + s * (bar + 1)}
                  y={height - h + 4}
                  width={bar}
                  height={h}
                  className={series[s]!.className}
                />
              );
            })}
            {index % step === 0 && (
              <text x={centre} y={height + 22} textAnchor="middle" className="chart-label chart-axis-label">
                {period.label}
              </text>
            )}
          </g>
        );
      })}
      <g transform={`translate(${left}, ${height + 46})`}>
        {series.map((s, index) => (
          <g key={s.name} transform={`translate(${index * 110}, 0)`}>
            <rect width="12" height="12" y="-10" className={s.className} />
            <text x="18" className="chart-label">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** A line with an area under it, through one point per date; the first and last are labelled. */
export function LineChart({
  points,
  locale,
}: {
  points: { label: string; value: MoneyJson }[];
  locale: string;
}) {
  const values = points.map((p) => plotValue(p.value));
  const top = niceCeiling(Math.max(0, ...values.map(Math.abs)));
  const bottom = Math.min(0, ...values) < 0 ? -niceCeiling(-Math.min(...values)) : 0;
  const height = 200;
  const left = 20;
  const right = 580;
  const y = (value: number) => 12 + ((top - value) / (top - bottom || 1)) * height;
  const x = (index: number) =>
    points.length > 1 ? left + (index / (points.length - 1)) * (right - left) : 300;
  const line = points.map((_, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(values[i]!).toFixed(1)}`);
  const last = points.length - 1;
  return (
    <svg
      className="chart"
      viewBox={`0 0 600 ${height + 50}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      <line x1={left} x2={right} y1={y(0)} y2={y(0)} className="chart-grid" />
      {points.length > 0 && (
        <>
          <path
            d={`${line.join(' ')} L${x(last).toFixed(1)},${y(0).toFixed(1)} L${x(0).toFixed(1)},${y(0).toFixed(1)} Z`}
            className="line-area"
          />
          <path d={line.join(' ')} className="line-stroke" />
          {points.map((p, i) => (
            <circle key={p.label} cx={x(i)} cy={y(values[i]!)} r="3" className="line-point" />
          ))}
          <text x={left} y={height + 34} className="chart-label">
            {points[0]!.label}: {label(points[0]!.value, locale)}
          </text>
          {last > 0 && (
            <text x={right} y={height + 34} textAnchor="end" className="chart-label">
              {points[last]!.label}: {label(points[last]!.value, locale)}
            </text>
          )}
        </>
      )}
    </svg>
  );
}
