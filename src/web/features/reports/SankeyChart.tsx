import { useLayoutEffect, useRef, useState } from 'react';
import { formatLocaleAmount } from '../../../core/money/locale.ts';
import type { MoneyJson } from '../../api/types.ts';
import { LABEL_SIZE, plotValue, spreadLabels, wrapLabel } from '../../ui/chart-scale.ts';
import { sankeyLayout } from './sankeyLayout.ts';

/**
 * The picture's width in SVG units for a frame `frame` pixels wide: on a phone near its pixel width,
 * so the 13-unit labels stay readable (about 11 px), on a desktop no wider than 660.
 */
const widthFor = (frame: number) => Math.round(Math.min(660, Math.max(420, frame * 1.2)));

/** The width of the element `ref` is put on, followed as it changes. */
function useFrameWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(660);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

const NODE_WIDTH = 12;
/** Between a node and its label: room for the line that ties a moved label to its node. */
const OFFSET = 14;
const LINE = LABEL_SIZE + 2;

/**
 * Cash flow as a Sankey diagram: sources left, the budget in the middle, spending right. The outer
 * columns' labels are wrapped to fit their margin, which follows the width the picture is given
 * (so none is cut, and on a phone they stay readable) and moved apart where small flows sit close together.
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
  const [frame, frameWidth] = useFrameWidth();
  const width = widthFor(frameWidth);
  // Room beside the outer columns for their labels: a name wrapped on up to three lines, the amount.
  const margin = Math.round(Math.min(160, width * 0.27));
  const amountOf = new Map(
    nodes.map((node) => {
      const through = links.filter((l) => (node.kind === 'income' ? l.source : l.target) === node.id);
      return [node.id, through[0]?.value];
    }),
  );
  const linesOf = new Map(
    nodes.map((node) => {
      const value = amountOf.get(node.id);
      const name = wrapLabel(node.name, margin - OFFSET - 4, 3);
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
    { width: width - 2 * margin, height, nodeWidth: NODE_WIDTH, gap: 10 },
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
    for (const [i, n] of placed.entries()) labelTop.set(n.id, tops[i]! + 3);
  }
  return (
    <div ref={frame}>
      <svg
        className="chart sankey"
        width={Math.round(width * 1.25)}
        viewBox={`0 0 ${width} ${height + 10}`}
        role="presentation"
        aria-hidden="true"
        focusable="false"
      >
        <g transform={`translate(${margin}, 5)`}>
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
            const x = leftSide
              ? node.x - OFFSET
              : middle
                ? node.x + NODE_WIDTH / 2
                : node.x + NODE_WIDTH + OFFSET;
            const lines = middle ? [byId.get(node.id)!.name] : linesOf.get(node.id)!;
            const top = middle ? Math.max(0, node.y - LINE - 4) : labelTop.get(node.id)!;
            // A label moved away from its node is tied to it by a thin line.
            const centre = node.y + node.height / 2;
            const moved = !middle && Math.abs(top + LABEL_SIZE / 2 - centre) > LINE;
            return (
              <g key={node.id}>
                {moved && (
                  <line
                    x1={leftSide ? node.x : node.x + NODE_WIDTH}
                    y1={centre}
                    x2={leftSide ? x + 2 : x - 2}
                    y2={top + LABEL_SIZE / 2}
                    className="sankey-leader"
                  />
                )}
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
                    // biome-ignore lint/suspicious/noArrayIndexKey: one label's lines, always in this order
                    <tspan key={i} x={x} dy={i === 0 ? 0 : LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
