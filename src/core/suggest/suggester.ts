import { featuresOf, isWord, type SuggestSubject } from './features.ts';

/** A categorised transaction of the book's history. */
export interface SuggestExample extends SuggestSubject {
  categoryId: number;
}

/** A category the history suggests, with how sure the model is (0…1; not money, so a float). */
export interface Suggestion {
  categoryId: number;
  confidence: number;
}

/**
 * A multinomial naive Bayes model over binary features (each feature counted once per
 * transaction), stored sparsely: for each feature, the categories it was seen with and how much
 * that raises their score over an unseen feature.
 */
export interface SuggesterModel {
  readonly categoryIds: readonly number[];
  /** log P(category), smoothed. */
  readonly logPriors: readonly number[];
  /** log of an unseen feature's likelihood in each category: log(α / (N_c + α·V)). */
  readonly logUnseen: readonly number[];
  /** feature → [category index, log((n + α) / α)] for the categories it occurred with. */
  readonly features: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  readonly examples: number;
}

/** Laplace smoothing: small, because a word seen once with a payee is strong evidence. */
const ALPHA = 0.1;
/**
 * Naive Bayes counts every word as independent evidence, so its raw posteriors are nearly
 * always 0 or 1. Dividing the log scores by this temperature before normalising spreads them so
 * that a confidence reads roughly as the share of such guesses that are right (measured on the
 * generated ledger of the tests).
 */
const TEMPERATURE = 2;

export function trainSuggester(examples: readonly SuggestExample[]): SuggesterModel {
  const indexOf = new Map<number, number>();
  const documents: number[] = [];
  const featureTotals: number[] = [];
  const counts = new Map<string, Map<number, number>>();
  for (const example of examples) {
    let index = indexOf.get(example.categoryId);
    if (index === undefined) {
      index = indexOf.size;
      indexOf.set(example.categoryId, index);
      documents.push(0);
      featureTotals.push(0);
    }
    documents[index]! += 1;
    for (const feature of featuresOf(example)) {
      let perCategory = counts.get(feature);
      if (!perCategory) {
        perCategory = new Map();
        counts.set(feature, perCategory);
      }
      perCategory.set(index, (perCategory.get(index) ?? 0) + 1);
      featureTotals[index]! += 1;
    }
  }
  const vocabulary = counts.size;
  const categories = indexOf.size;
  const features = new Map<string, Array<readonly [number, number]>>();
  for (const [feature, perCategory] of counts) {
    features.set(
      feature,
      [...perCategory].map(([index, n]) => [index, Math.log((n + ALPHA) / ALPHA)] as const),
    );
  }
  return {
    categoryIds: [...indexOf.keys()],
    logPriors: documents.map((n) => Math.log((n + 1) / (examples.length + categories))),
    logUnseen: featureTotals.map((total) => Math.log(ALPHA / (total + ALPHA * vocabulary))),
    features,
    examples: examples.length,
  };
}

/**
 * The `k` likeliest categories for a transaction, likeliest first (ties by category id), with
 * confidences that add up to at most 1. Features the history never saw are ignored; when none of
 * the transaction's words is known there is nothing to go on and the answer is empty.
 */
export function suggest(model: SuggesterModel, subject: SuggestSubject, k = 3): Suggestion[] {
  const known = featuresOf(subject).filter((feature) => model.features.has(feature));
  if (!known.some(isWord) || model.categoryIds.length === 0) return [];
  const scores = model.logPriors.map((prior, index) => prior + known.length * model.logUnseen[index]!);
  for (const feature of known) {
    for (const [index, boost] of model.features.get(feature)!) scores[index]! += boost;
  }
  const best = Math.max(...scores);
  const weights = scores.map((score) => Math.exp((score - best) / TEMPERATURE));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights
    .map((weight, index) => ({ categoryId: model.categoryIds[index]!, confidence: weight / total }))
    .sort((a, b) => b.confidence - a.confidence || a.categoryId - b.categoryId)
    .slice(0, Math.max(0, k));
}
