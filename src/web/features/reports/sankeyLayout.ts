/**
 * A small layered Sankey layout, pure: a node's column is its distance from the sources (income →
 * budget → expenses), nodes stack down each column in the order given, a node is as tall as the
 * larger of what flows in and out of it, and each link is a band as wide as its value, leaving
 * its source below the previous links out and entering its target below the previous links in.
 */
export interface SankeyInput {
  nodes: readonly { id: string }[];
  links: readonly { source: string; target: string; value: number }[];
}

export interface SankeyOptions {
  width: number;
  height: number;
  nodeWidth: number;
  /** Vertical space between two nodes of a column. */
  gap: number;
}

export interface PlacedNode {
  id: string;
  column: number;
  x: number;
  y: number;
  height: number;
  value: number;
}

export interface PlacedLink {
  source: string;
  target: string;
  value: number;
  /** Band width: value × scale. */
  width: number;
  /** Centre of the band where it leaves the source and where it enters the target. */
  y0: number;
  y1: number;
  /** An SVG path along the band's centre line, drawn with `stroke-width = width`. */
  path: string;
}

export interface SankeyLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
  scale: number;
}

export function sankeyLayout(input: SankeyInput, options: SankeyOptions): SankeyLayout {
  const links = input.links.filter((link) => link.value > 0);
  const column = new Map(input.nodes.map((node) => [node.id, 0]));
  // Longest path from a source; a cycle cannot push a node past the last possible column.
  for (let pass = 0; pass < input.nodes.length; pass++) {
    let changed = false;
    for (const link of links) {
      const next = (column.get(link.source) ?? 0) + 1;
      if (next > (column.get(link.target) ?? 0) && next < input.nodes.length) {
        column.set(link.target, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const sum = (list: typeof links) => list.reduce((total, link) => total + link.value, 0);
  const value = new Map(
    input.nodes.map((node) => [
      node.id,
      Math.max(
        sum(links.filter((link) => link.target === node.id)),
        sum(links.filter((link) => link.source === node.id)),
      ),
    ]),
  );
  const columns = Math.max(0, ...column.values()) + 1;
  const members = Array.from({ length: columns }, (_, c) =>
    input.nodes.filter((n) => column.get(n.id) === c),
  );
  const scale = Math.min(
    ...members
      .filter((list) => list.length > 0)
      .map((list) => {
        const total = list.reduce((t, node) => t + value.get(node.id)!, 0);
        const room = options.height - options.gap * (list.length - 1);
        return total > 0 ? Math.max(0, room) / total : Number.POSITIVE_INFINITY;
      }),
    Number.POSITIVE_INFINITY,
  );
  const finiteScale = Number.isFinite(scale) ? scale : 0;
  const step = columns > 1 ? (options.width - options.nodeWidth) / (columns - 1) : 0;
  const placed = new Map<string, PlacedNode>();
  for (const [c, list] of members.entries()) {
    const used =
      list.reduce((t, node) => t + value.get(node.id)! * finiteScale, 0) + options.gap * (list.length - 1);
    let y = Math.max(0, (options.height - used) / 2);
    for (const node of list) {
      const height = value.get(node.id)! * finiteScale;
      placed.set(node.id, { id: node.id, column: c, x: c * step, y, height, value: value.get(node.id)! });
      y += height + options.gap;
    }
  }
  const outOffset = new Map<string, number>();
  const inOffset = new Map<string, number>();
  const placedLinks = links.flatMap((link) => {
    const source = placed.get(link.source);
    const target = placed.get(link.target);
    if (!source || !target) return [];
    const width = link.value * finiteScale;
    const out = outOffset.get(source.id) ?? 0;
    const into = inOffset.get(target.id) ?? 0;
    outOffset.set(source.id, out + width);
    inOffset.set(target.id, into + width);
    const y0 = source.y + out + width / 2;
    const y1 = target.y + into + width / 2;
    const x0 = source.x + options.nodeWidth;
    const x1 = target.x;
    const middle = (x0 + x1) / 2;
    const r = (n: number) => Math.round(n * 100) / 100;
    return [
      {
        source: link.source,
        target: link.target,
        value: link.value,
        width,
        y0,
        y1,
        path: `M${r(x0)},${r(y0)} C${r(middle)},${r(y0)} ${r(middle)},${r(y1)} ${r(x1)},${r(y1)}`,
      },
    ];
  });
  return { nodes: [...placed.values()], links: placedLinks, scale: finiteScale };
}
