import type { Draft } from './draft.ts';

/**
 * Learned category suggestions in the register's editor, the pure part: when to ask the server,
 * what to ask, which answers to show and which keys pick them. The editor only offers; the user
 * chooses, so a suggestion never reaches a saved transaction unless it was clicked or picked.
 */

/** What `GET /suggestions` is asked: the words and the amount's sign (`-1`, `1`), never the amount. */
export interface SuggestionRequest {
  payee?: string;
  description?: string;
  amount?: '-1' | '1';
}

/** A suggestion as the editor shows it. */
export interface ShownSuggestion {
  categoryId: number;
  label: string;
  /** Whole per cent, for the button: "Groceries (92 %)". */
  percent: number;
  confidence: number;
}

/** Typing pauses this long before the server is asked. */
export const SUGGESTION_DELAY_MS = 250;
/** At most this many buttons, picked with Alt+1 … Alt+3. */
export const MAX_SHOWN = 3;
/** Below this the model is guessing: such suggestions are left out rather than shown as "3 %". */
export const MIN_CONFIDENCE = 0.05;
/** From this confidence on, the top suggestion is hinted in the empty category field (never filled). */
export const HINT_CONFIDENCE = 0.8;

/** The contract's limits: longer text would be refused with a 400, and the start carries the words. */
const PAYEE_MAX = 200;
const DESCRIPTION_MAX = 500;

/**
 * The question for the server, or null when there is nothing to ask: a category or transfer is
 * already chosen, the draft is split, or neither payee nor description has any text.
 */
export function suggestionRequest(draft: Draft): SuggestionRequest | null {
  if (draft.split || draft.targetId !== null) return null;
  const payee = draft.payeeName.trim().slice(0, PAYEE_MAX);
  const description = draft.description.trim().slice(0, DESCRIPTION_MAX);
  if (payee === '' && description === '') return null;
  const out = /[1-9]/.test(draft.outflow);
  const into = /[1-9]/.test(draft.inflow);
  return {
    ...(payee !== '' && { payee }),
    ...(description !== '' && { description }),
    ...(out !== into && { amount: out ? '-1' : '1' }),
  };
}

/**
 * The answers worth a button: likeliest first, at most three, each naming a category the editor
 * can choose (an archived one is left out), none below `MIN_CONFIDENCE`.
 */
export function shownSuggestions(
  suggestions: readonly { categoryId: number; confidence: number }[],
  labels: ReadonlyMap<number, string>,
): ShownSuggestion[] {
  return suggestions
    .filter((s) => s.confidence >= MIN_CONFIDENCE && labels.has(s.categoryId))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_SHOWN)
    .map((s) => ({
      categoryId: s.categoryId,
      label: labels.get(s.categoryId)!,
      percent: Math.round(s.confidence * 100),
      confidence: s.confidence,
    }));
}

/** The suggestion hinted as the empty category field's placeholder, if one is sure enough. */
export function hintOf(shown: readonly ShownSuggestion[]): ShownSuggestion | undefined {
  const top = shown[0];
  return top && top.confidence >= HINT_CONFIDENCE ? top : undefined;
}

/**
 * Which suggestion a key press picks: Alt+1 … Alt+3 (by `code`, so a layout or macOS's Option
 * characters do not matter), or null for any other key.
 */
export function shortcutIndex(event: {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  code: string;
}): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (!match) return null;
  const index = Number(match[1]) - 1;
  return index < MAX_SHOWN ? index : null;
}

/** The shortcut of the n-th suggestion (0-based), as `aria-keyshortcuts` spells it. */
export const shortcutOf = (index: number) => `Alt+${index + 1}`;
