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
  /** feature → the categories it occurred with and log((n + α) / α) for each. */
  readonly features: ReadonlyMap<string, FeatureBoosts>;
  readonly examples: number;
}

/** Parallel arrays: category `indexes[i]` scores `boosts[i]` more for the feature. */
export interface FeatureBoosts {
  readonly indexes: Int32Array;
  readonly boosts: Float64Array;
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

/**
 * The least confidence of a suggestion worth offering beside each of an import's rows: the
 * confidences read as the share of such guesses that are right, so below one half a guess is more
 * often wrong than right (a shop's name sharing one word with another's), and hundreds of rows of
 * long shots ("Use Clothing (0 %)") hide the few that help. It also means at most one suggestion
 * per row, bar a tie.
 */
export const LIKELY_CONFIDENCE = 0.5;

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
  const features = new Map<string, FeatureBoosts>();
  for (const [feature, perCategory] of counts) {
    const indexes = new Int32Array(perCategory.size);
    const boosts = new Float64Array(perCategory.size);
    let slot = 0;
    for (const [index, n] of perCategory) {
      indexes[slot] = index;
      boosts[slot] = Math.log((n + ALPHA) / ALPHA);
      slot++;
    }
    features.set(feature, { indexes, boosts });
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
 * the transaction's words is known there is nothing to go on and the answer is empty. An import
 * asks this of every row: the scores live in a reused typed array and only the `k` best become
 * objects, so a row costs its features and a few passes over the categories, not a sort.
 */
export function suggest(model: SuggesterModel, subject: SuggestSubject, k = 3): Suggestion[] {
  return suggestByFeatures(model, featuresOf(subject), k);
}

/**
 * `suggest` for the many rows of one import: rows with the same features (a bank's rows repeat
 * the same shops, and numbers are not features) get the same answer, so the answers are kept by
 * their features, up to `limit` different ones, and each is worked out once.
 */
export function memoisedSuggest(
  model: SuggesterModel,
  k = 3,
  limit = 50_000,
): (subject: SuggestSubject) => Suggestion[] {
  const answers = new Map<string, Suggestion[]>();
  return (subject) => {
    const features = featuresOf(subject);
    const key = features.join('\n');
    let answer = answers.get(key);
    if (!answer) {
      answer = suggestByFeatures(model, features, k);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer.slice();
  };
}

function suggestByFeatures(model: SuggesterModel, features: readonly string[], k: number): Suggestion[] {
  const categories = model.categoryIds.length;
  if (categories === 0 || k <= 0) return [];
  const known: FeatureBoosts[] = [];
  let words = false;
  for (const feature of features) {
    const boosts = model.features.get(feature);
    if (!boosts) continue;
    known.push(boosts);
    words ||= isWord(feature);
  }
  if (!words) return [];
  // `suggest` runs to completion without yielding, so one scratch array serves every call.
  if (scratch.length < categories) scratch = new Float64Array(categories);
  const weights = scratch;
  for (let index = 0; index < categories; index++)
    weights[index] = model.logPriors[index]! + known.length * model.logUnseen[index]!;
  for (const { indexes, boosts } of known) {
    for (let slot = 0; slot < indexes.length; slot++) weights[indexes[slot]!]! += boosts[slot]!;
  }
  let best = -Infinity;
  for (let index = 0; index < categories; index++) if (weights[index]! > best) best = weights[index]!;
  let total = 0;
  for (let index = 0; index < categories; index++) {
    weights[index] = Math.exp((weights[index]! - best) / TEMPERATURE);
    total += weights[index]!;
  }
  return topK(weights, total, model.categoryIds, Math.min(k, categories));
}

let scratch = new Float64Array(64);

/**
 * The `k` highest confidences (weight / total), highest first, ties by category id: one pass that
 * keeps the best `k` in order, no sort.
 */
function topK(weights: Float64Array, total: number, categoryIds: readonly number[], k: number): Suggestion[] {
  const chosen: Suggestion[] = [];
  for (let index = 0; index < categoryIds.length; index++) {
    const confidence = weights[index]! / total;
    const categoryId = categoryIds[index]!;
    let at = chosen.length;
    while (at > 0 && ranksBefore(confidence, categoryId, chosen[at - 1]!)) at--;
    if (at >= k) continue;
    chosen.splice(at, 0, { categoryId, confidence });
    if (chosen.length > k) chosen.pop();
  }
  return chosen;
}

function ranksBefore(confidence: number, categoryId: number, other: Suggestion): boolean {
  return confidence > other.confidence || (confidence === other.confidence && categoryId < other.categoryId);
}
