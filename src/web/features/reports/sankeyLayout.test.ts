import { describe, expect, it } from 'vitest';
import { sankeyLayout } from './sankeyLayout.ts';

const options = { width: 300, height: 100, nodeWidth: 10, gap: 10 };

describe('sankeyLayout', () => {
  const layout = sankeyLayout(
    {
      nodes: [{ id: 'salary' }, { id: 'gift' }, { id: 'food' }, { id: 'budget' }, { id: 'savings' }],
      links: [
        { source: 'salary', target: 'budget', value: 60 },
        { source: 'gift', target: 'budget', value: 30 },
        { source: 'budget', target: 'food', value: 50 },
        { source: 'budget', target: 'savings', value: 40 },
      ],
    },
    options,
  );
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it('puts sources left, the budget in the middle and the targets right', () => {
    expect(['salary', 'gift', 'budget', 'food', 'savings'].map((id) => node(id).column)).toEqual([
      0, 0, 1, 2, 2,
    ]);
    expect([node('salary').x, node('budget').x, node('food').x]).toEqual([0, 145, 290]);
  });

  it('scales to the busiest column and stacks nodes with the gap between them', () => {
    // Columns 0 and 2 hold 90 over two nodes: (100 − 10) / 90 = 1 unit per value.
    expect(layout.scale).toBe(1);
    expect([node('salary').y, node('salary').height]).toEqual([0, 60]);
    expect([node('gift').y, node('gift').height]).toEqual([70, 30]);
    expect([node('budget').y, node('budget').height]).toEqual([5, 90]);
    expect([node('food').y, node('savings').y]).toEqual([0, 60]);
  });

  it('makes link bands as wide as their values, stacked at both ends', () => {
    expect(layout.links.map((l) => [l.source, l.target, l.width, l.y0, l.y1])).toEqual([
      ['salary', 'budget', 60, 30, 35],
      ['gift', 'budget', 30, 85, 80],
      ['budget', 'food', 50, 30, 25],
      ['budget', 'savings', 40, 75, 80],
    ]);
    expect(layout.links[0]!.path).toBe('M10,30 C77.5,30 77.5,35 145,35');
  });

  it('drops links without value and copes with an empty graph', () => {
    expect(sankeyLayout({ nodes: [], links: [] }, options)).toEqual({ nodes: [], links: [], scale: 0 });
    const lone = sankeyLayout(
      { nodes: [{ id: 'a' }, { id: 'b' }], links: [{ source: 'a', target: 'b', value: 0 }] },
      options,
    );
    expect(lone.links).toEqual([]);
    expect(lone.scale).toBe(0);
  });
});
