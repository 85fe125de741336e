import { formatLocaleAmount } from '../../../core/money/locale.ts';
import type { MoneyJson } from '../../api/types.ts';
import { LABEL_SIZE, plotValue, spreadLabels, wrapLabel } from '../../ui/chart-scale.ts';
import { sankeyLayout } from './sankeyLayout.ts';

const WIDTH = 640;
const NODE_WIDTH = 12;
/** Room beside the outer columns for their labels: a name wrapped on two lines, then the amount. */
const MARGIN = 150;
const LINE = LABEL_SIZE + 2;

/**
 * Cash flow as a Sankey diagram: sources left, the budget in the middle, spending right. The outer
 * columns' labels are wrapped to fit their margin (so none is cut at any width: the picture scales
 * as a whole) and moved apart where small flows sit close together.
 */
export function SankeyChart({
  nodes,
  links,
  locale,
}: {
  nodes: { id: string; name: string; kind: string }[];
  links: { source: string; target: string; value: MoneyJson }[];
  locale: string;
}) {
  const amountOf = new Map(
    nodes.map((node) => {
      const through = links.filter((l) => (node.kind === 'income' ? l.source : l.target) === node.id);
      return [node.id, through[0]?.value];
    }),
  );
  const linesOf = new Map(
    nodes.map((node) => {
      const value = amountOf.get(node.id);
      const name = wrapLabel(node.name, MARGIN - 8);
      return [
        node.id,
        value ? [...name, formatLocaleAmount(value.amount, locale, { currency: value.currency })] : name,
      ];
    }),
  );
  // Tall enough for the labels of the fullest side, stacked.
  const stacked = (kind: (k: string) => boolean) =>
    nodes.filter((n) => kind(n.kind)).reduce((sum, n) => sum + linesOf.get(n.id)!.length * LINE + 6, 0);
  const height = Math.max(
    160,
    stacked((k) => k === 'income'),
    stacked((k) => k !== 'income' && k !== 'budget'),
  );
  const layout = sankeyLayout(
    { nodes, links: links.map((link) => ({ ...link, value: plotValue(link.value) })) },
    { width: WIDTH - 2 * MARGIN, height, nodeWidth: NODE_WIDTH, gap: 10 },
  );
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const lastColumn = Math.max(0, ...layout.nodes.map((n) => n.column));
  const labelTop = new Map<string, number>();
  for (const column of new Set([0, lastColumn])) {
    const placed = layout.nodes.filter((n) => n.column === column).sort((a, b) => a.y - b.y);
    const tops = spreadLabels(
      placed.map((n) => ({ centre: n.y + n.height / 2, height: linesOf.get(n.id)!.length * LINE + 6 })),
      height,
    );
    placed.forEach((n, i) => labelTop.set(n.id, tops[i]! + 3));
  }
  return (
    <svg
      className="chart sankey"
      viewBox={`0 0 ${WIDTH} ${height + 10}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      <g transform={`translate(${MARGIN}, 5)`}>
        {layout.links.map((link) => (
          <path
            key={`${link.source}>${link.target}`}
            d={link.path}
            strokeWidth={Math.max(1, link.width)}
            className={`sankey-link sankey-${byId.get(link.target === 'budget' ? link.source : link.target)?.kind ?? 'budget'}`}
          />
        ))}
        {layout.nodes.map((node) => {
          const leftSide = node.column === 0;
          const middle = node.column > 0 && node.column < lastColumn;
          const x = leftSide ? node.x - 6 : middle ? node.x + NODE_WIDTH / 2 : node.x + NODE_WIDTH + 6;
          const lines = middle ? [byId.get(node.id)!.name] : linesOf.get(node.id)!;
          const top = middle ? Math.max(0, node.y - LINE - 4) : labelTop.get(node.id)!;
          return (
            <g key={node.id}>
              <rect
                x={node.x}
                y={node.y}
                width={NODE_WIDTH}
                height={Math.max(1, node.height)}
                className="sankey-node"
              />
              <text
                x={x}
                y={top + LABEL_SIZE - 2}
                textAnchor={leftSide ? 'end' : middle ? 'middle' : 'start'}
                className="chart-label"
              >
                {lines.map((line, i) => (
                  <tspan key={`${i}-${line}`} x={x} dy={i === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
