/** Figures of repeated runs: min and median, in milliseconds. */
export interface Timing {
  min: number;
  median: number;
}

export function timing(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: round(sorted[0]!), median: round(median) };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export async function repeat(runs: number, work: () => Promise<number>): Promise<number[]> {
  await work(); // warm-up: caches, prepared statements, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await work());
  return samples;
}
