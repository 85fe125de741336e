import { currency, parseMoney } from '../../core/money/index.ts';
import type { MoneyJson } from '../api/types.ts';

/** Scales for the SVG charts: geometry from plain numbers, never used for arithmetic on money. */

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= value)!;
}

/** Minor units as a plain number, for chart geometry only: every label shows the exact decimal. */
export function plotValue(value: MoneyJson): number {
  const minor = parseMoney(value.amount, currency(value.currency)).minor;
  const exponent = value.amount.split('.')[1]?.length ?? 0;
  return Number(minor) / 10 ** exponent;
}

/** Labels are 13 units high; a character takes at most ~0.65 em (DejaVu Sans digits: 0.64 em). */
export const LABEL_SIZE = 13;
const textWidth = (text: string) => text.length * LABEL_SIZE * 0.65;

/**
 * Every how many'th of these axis labels to print so that none overlap in slots `slot` units wide.
 * In SVG units, so it holds at every width: the whole chart scales, its labels with it.
 */
export function labelStep(labels: readonly string[], slot: number): number {
  const widest = Math.max(0, ...labels.map(textWidth));
  return Math.max(1, Math.ceil((widest + 6) / slot));
}

/** A label broken into lines of at most `width` units at word ends; a longer word is cut with "…". */
export function wrapLabel(text: string, width: number, maxLines = 2): string[] {
  const fits = (line: string) => textWidth(line) <= width;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept.map((line) => {
    let cut = line;
    while (!fits(cut) && cut.length > 1) cut = `${cut.slice(0, -2)}…`;
    return cut;
  });
}

/**
 * Tops for labels `height` units high wanted at `centre`, in the order given (top to bottom), moved
 * apart just enough that none overlap and all stay inside [0, bottom] when they can.
 */
export function spreadLabels(
  labels: readonly { centre: number; height: number }[],
  bottom: number,
): number[] {
  const tops: number[] = [];
  labels.forEach((label, i) => {
    const below = i === 0 ? 0 : tops[i - 1]! + labels[i - 1]!.height;
    tops.push(Math.max(0, below, label.centre - label.height / 2));
  });
  for (let i = labels.length - 1; i >= 0; i--) {
    const limit = i === labels.length - 1 ? bottom : tops[i + 1]!;
    tops[i] = Math.max(0, Math.min(tops[i]!, limit - labels[i]!.height));
  }
  return tops;
}

/** Rows by their amount, largest first (exact: bigint minor units); equal ones keep their order. */
export function largestFirst<T extends { value: MoneyJson }>(rows: readonly T[]): T[] {
  const minor = (value: MoneyJson) => parseMoney(value.amount, currency(value.currency)).minor;
  return [...rows].sort((a, b) => {
    const difference = minor(b.value) - minor(a.value);
    return difference > 0n ? 1 : difference < 0n ? -1 : 0;
  });
}
