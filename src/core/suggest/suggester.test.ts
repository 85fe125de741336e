import { describe, expect, it } from 'vitest';
import { featuresOf } from './features.ts';
import { generatedLedger } from './generated-ledger.ts';
import { memoisedSuggest, type SuggestExample, suggest, trainSuggester } from './suggester.ts';

const out = (minor: bigint) => ({ minor: -minor });

describe('featuresOf', () => {
  it('folds words, drops numbers, buckets digits inside words, adds the whole payee and the sign', () => {
    expect(
      featuresOf({
        payee: 'REWE Markt GmbH',
        description: 'CARD 1234 REWE SAGT DANKE 45821 MÜNCHEN REF12345 a',
        amount: out(4599n),
      }),
    ).toEqual([
      'payee:rewe markt gmbh',
      'rewe',
      'markt',
      'gmbh',
      'card',
      'sagt',
      'danke',
      'munchen',
      'ref#',
      'sign:-',
    ]);
    expect(featuresOf({ payee: null, description: '', amount: null })).toEqual([]);
    expect(featuresOf({ payee: '  ', description: 'Пятёрочка', amount: { minor: 5n } })).toEqual([
      'пятерочка',
      'sign:+',
    ]);
  });
});

describe('suggest', () => {
  const history: SuggestExample[] = [
    { payee: 'REWE', description: 'CARD 1111 REWE SAGT DANKE', amount: out(2000n), categoryId: 1 },
    { payee: 'REWE', description: 'CARD 2222 REWE SAGT DANKE', amount: out(3500n), categoryId: 1 },
    { payee: 'REWE', description: 'REWE Getraenke', amount: out(900n), categoryId: 2 },
    { payee: 'Shell', description: 'CARD 3333 SHELL TANKSTELLE', amount: out(6000n), categoryId: 3 },
    { payee: 'ACME GmbH', description: 'GEHALT NOVEMBER', amount: { minor: 300000n }, categoryId: 4 },
    { payee: null, description: 'SEPA RUECKERSTATTUNG REWE', amount: { minor: 500n }, categoryId: 5 },
  ];
  const model = trainSuggester(history);

  it('ranks the category the history gives the words most often, with confidences in [0, 1]', () => {
    const suggestions = suggest(model, {
      payee: 'Rewe',
      description: 'CARD 9999 REWE SAGT DANKE',
      amount: out(1n),
    });
    expect(suggestions.map((s) => s.categoryId)).toEqual([1, 2, 3]);
    expect(suggestions[0]!.confidence).toBeGreaterThan(0.5);
    for (const s of suggestions) expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(suggestions.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1 + 1e-12);
    expect(suggestions[0]!.confidence).toBeGreaterThanOrEqual(suggestions[1]!.confidence);
  });

  it('uses the sign: money in from the same shop is a refund', () => {
    const refund = suggest(model, {
      payee: null,
      description: 'REWE RUECKERSTATTUNG',
      amount: { minor: 700n },
    });
    expect(refund[0]?.categoryId).toBe(5);
  });

  it('gives k suggestions at most, none for k = 0, and nothing when no word is known', () => {
    expect(
      suggest(model, { payee: 'Shell', description: '', amount: null }, 1).map((s) => s.categoryId),
    ).toEqual([3]);
    expect(suggest(model, { payee: 'Shell', description: '', amount: null }, 0)).toEqual([]);
    expect(suggest(model, { payee: 'Unknown Shop', description: '4711 0815', amount: out(5n) })).toEqual([]);
    expect(suggest(trainSuggester([]), { payee: 'REWE', description: 'REWE', amount: null })).toEqual([]);
  });

  it('is deterministic', () => {
    const subject = { payee: null, description: 'REWE', amount: out(5n) };
    expect(suggest(trainSuggester(history), subject)).toEqual(suggest(model, subject));
  });

  it('answers repeated features from memory exactly as it would work them out, in fresh arrays', () => {
    const ledger = generatedLedger(7, 3000);
    const trained = trainSuggester(ledger.slice(0, 2000));
    const remembered = memoisedSuggest(trained, 3, 50);
    const subjects = [...ledger.slice(2000), ...ledger.slice(2000, 2300)];
    for (const subject of subjects) expect(remembered(subject)).toEqual(suggest(trained, subject));
    const first = remembered(subjects[0]!);
    first.pop();
    expect(remembered(subjects[0]!)).toEqual(suggest(trained, subjects[0]!));
    expect(memoisedSuggest(trained, 1)(subjects[0]!)).toEqual(suggest(trained, subjects[0]!, 1));
  });

  it('learns a generated ledger: top-1 accuracy on held-out transactions stays above the floor', () => {
    const ledger = generatedLedger(2026, 5000);
    const cut = Math.floor(ledger.length * 0.8);
    const trained = trainSuggester(ledger.slice(0, cut));
    const heldOut = ledger.slice(cut);
    let top1 = 0;
    let top3 = 0;
    for (const example of heldOut) {
      const suggestions = suggest(trained, example);
      if (suggestions[0]?.categoryId === example.categoryId) top1 += 1;
      if (suggestions.some((s) => s.categoryId === example.categoryId)) top3 += 1;
    }
    const accuracy = top1 / heldOut.length;
    console.log(
      `suggestions: top-1 accuracy ${accuracy.toFixed(3)}, top-3 ${(top3 / heldOut.length).toFixed(3)} on ${heldOut.length} held-out of ${ledger.length} generated transactions`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.87);
  });
});
