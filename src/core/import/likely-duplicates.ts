import { daysBetween } from '../calendar/date.ts';
import { foldText } from '../text/fold.ts';

/** An existing transaction of the account that a new row might repeat. */
export interface DuplicateCandidate {
  transactionId: number;
  date: string;
  /** Minor units, signed from the account's view. */
  amount: bigint;
  text: string;
}

/** A new row as the duplicate search sees it. */
export interface DuplicateProbe {
  index: number;
  date: string;
  amount: bigint;
  text: string;
}

/** How many days apart a booking date may be from the one already in the ledger. */
export const LIKELY_DAYS = 4;

/**
 * Pairs new rows with existing transactions that are likely the same movement entered another way
 * (by hand, or from another file of the same account): the same amount, a date at most
 * LIKELY_DAYS apart, and a similar text (or, on the same day, no text at all in the ledger). Each existing transaction matches at most one row; closer
 * dates and more similar texts win. Returns row index → transaction id.
 */
export function findLikelyDuplicates(
  probes: readonly DuplicateProbe[],
  candidates: readonly DuplicateCandidate[],
): Map<number, number> {
  const byAmount = new Map<bigint, DuplicateCandidate[]>();
  for (const candidate of candidates) {
    const list = byAmount.get(candidate.amount);
    if (list) list.push(candidate);
    else byAmount.set(candidate.amount, [candidate]);
  }
  const pairs: Array<{ index: number; transactionId: number; score: number }> = [];
  // Texts are split into words only when a same-amount transaction is near enough to compare.
  const candidateTokens = new Map<DuplicateCandidate, Set<string>>();
  for (const probe of probes) {
    const sameAmount = byAmount.get(probe.amount);
    if (!sameAmount) continue;
    let probeTokens: Set<string> | undefined;
    for (const candidate of sameAmount) {
      const days = Math.abs(daysBetween(probe.date, candidate.date));
      if (days > LIKELY_DAYS) continue;
      probeTokens ??= tokens(probe.text);
      let theirs = candidateTokens.get(candidate);
      if (!theirs) {
        theirs = tokens(candidate.text);
        candidateTokens.set(candidate, theirs);
      }
      const similarity = jaccard(probeTokens, theirs);
      // The texts must agree, unless it is the same day and the ledger's side says nothing
      // (a transaction typed in by hand without a payee).
      const silent = candidate.text.trim() === '';
      if (similarity < 0.2 && !(days === 0 && silent)) continue;
      pairs.push({
        index: probe.index,
        transactionId: candidate.transactionId,
        score: similarity - days / (LIKELY_DAYS + 1),
      });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.index - b.index || a.transactionId - b.transactionId);
  const matched = new Map<number, number>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (matched.has(pair.index) || used.has(pair.transactionId)) continue;
    matched.set(pair.index, pair.transactionId);
    used.add(pair.transactionId);
  }
  return matched;
}

function tokens(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 1 && !/^\d+$/.test(token)),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const token of a) if (b.has(token)) common++;
  return common / (a.size + b.size - common);
}
