import { describe, expect, it } from 'vitest';
import { type Draft, emptyDraft } from './draft.ts';
import {
  hintOf,
  MAX_SHOWN,
  shortcutIndex,
  shortcutOf,
  shownSuggestions,
  suggestionRequest,
} from './suggestions.ts';

const draft = (change: Partial<Draft>): Draft => ({ ...emptyDraft('2026-03-01'), ...change });
const labels = new Map([
  [10, 'Groceries'],
  [11, 'Fuel'],
  [12, 'Dining'],
  [13, 'Household'],
]);
const key = (
  code: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>,
) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...modifiers,
});

describe('suggestionRequest', () => {
  it('asks nothing while payee and description are both blank', () => {
    expect(suggestionRequest(draft({}))).toBeNull();
    expect(suggestionRequest(draft({ payeeName: '   ', description: '\t', outflow: '12.00' }))).toBeNull();
  });

  it('asks with the trimmed words and only the sign of the amount', () => {
    expect(suggestionRequest(draft({ payeeName: ' REWE ', outflow: '87.45' }))).toEqual({
      payee: 'REWE',
      amount: '-1',
    });
    expect(suggestionRequest(draft({ description: 'March salary', inflow: '2500' }))).toEqual({
      description: 'March salary',
      amount: '1',
    });
    expect(suggestionRequest(draft({ payeeName: 'Shell', description: 'Diesel' }))).toEqual({
      payee: 'Shell',
      description: 'Diesel',
    });
  });

  it('leaves the sign out when there is none yet, or both sides are filled in', () => {
    expect(suggestionRequest(draft({ payeeName: 'REWE', outflow: '0.00' }))).toEqual({ payee: 'REWE' });
    expect(suggestionRequest(draft({ payeeName: 'REWE', outflow: '5', inflow: '5' }))).toEqual({
      payee: 'REWE',
    });
  });

  it('asks nothing once a category or transfer is chosen, or for a split', () => {
    expect(suggestionRequest(draft({ payeeName: 'REWE', targetId: 10 }))).toBeNull();
    expect(suggestionRequest(draft({ payeeName: 'REWE', split: true }))).toBeNull();
  });

  it('cuts text to what the server accepts (200 for the payee, 500 for the description)', () => {
    const request = suggestionRequest(draft({ payeeName: 'P'.repeat(300), description: 'd'.repeat(900) }));
    expect(request?.payee).toHaveLength(200);
    expect(request?.description).toHaveLength(500);
  });
});

describe('shownSuggestions', () => {
  it('names the categories, likeliest first, in whole per cent', () => {
    expect(
      shownSuggestions(
        [
          { categoryId: 11, confidence: 0.1 },
          { categoryId: 10, confidence: 0.8951 },
        ],
        labels,
      ),
    ).toEqual([
      { categoryId: 10, label: 'Groceries', percent: 90, confidence: 0.8951 },
      { categoryId: 11, label: 'Fuel', percent: 10, confidence: 0.1 },
    ]);
  });

  it('leaves out guesses under 5 %, categories the editor cannot choose, and more than three', () => {
    const shown = shownSuggestions(
      [
        { categoryId: 10, confidence: 0.4 },
        { categoryId: 99, confidence: 0.3 },
        { categoryId: 11, confidence: 0.1 },
        { categoryId: 12, confidence: 0.1 },
        { categoryId: 13, confidence: 0.06 },
        { categoryId: 14, confidence: 0.04 },
      ],
      labels,
    );
    expect(shown.map((s) => s.label)).toEqual(['Groceries', 'Fuel', 'Dining']);
    expect(shown).toHaveLength(MAX_SHOWN);
    expect(shownSuggestions([{ categoryId: 10, confidence: 0.049 }], labels)).toEqual([]);
    expect(shownSuggestions([], labels)).toEqual([]);
  });
});

describe('hintOf', () => {
  it('hints the top suggestion only from 80 % on', () => {
    const at = (confidence: number) => shownSuggestions([{ categoryId: 10, confidence }], labels);
    expect(hintOf(at(0.8))?.label).toBe('Groceries');
    expect(hintOf(at(0.96))?.label).toBe('Groceries');
    expect(hintOf(at(0.7999))).toBeUndefined();
    expect(hintOf([])).toBeUndefined();
  });
});

describe('shortcutIndex', () => {
  it('picks the first three suggestions with Alt+1 … Alt+3, on the main row or the keypad', () => {
    expect(shortcutIndex(key('Digit1', { altKey: true }))).toBe(0);
    expect(shortcutIndex(key('Digit3', { altKey: true }))).toBe(2);
    expect(shortcutIndex(key('Numpad2', { altKey: true }))).toBe(1);
    expect(shortcutOf(0)).toBe('Alt+1');
  });

  it('ignores every other key, so typing and the editor’s own keys are untouched', () => {
    expect(shortcutIndex(key('Digit1', {}))).toBeNull();
    expect(shortcutIndex(key('Digit4', { altKey: true }))).toBeNull();
    expect(shortcutIndex(key('Digit0', { altKey: true }))).toBeNull();
    expect(shortcutIndex(key('Digit1', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutIndex(key('Digit1', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutIndex(key('Digit1', { altKey: true, metaKey: true }))).toBeNull();
    expect(shortcutIndex(key('KeyA', { altKey: true }))).toBeNull();
    expect(shortcutIndex(key('Enter', {}))).toBeNull();
  });
});
