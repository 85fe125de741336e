import { describe, expect, it } from 'vitest';
import { reassignCategory } from './reassign.ts';
import type { RuleAction } from './types.ts';

describe('moving a merged category in rules', () => {
  it('rewrites set-category actions and split parts, and nothing else', () => {
    const actions: RuleAction[] = [
      { type: 'setCategory', categoryId: 5 },
      { type: 'addTag', tagId: 5 },
      {
        type: 'split',
        parts: [
          { categoryId: 5, amount: null, percent: '50' },
          { categoryId: 6, amount: null, percent: null },
        ],
      },
    ];
    expect(reassignCategory(actions, 5, 9)).toEqual([
      { type: 'setCategory', categoryId: 9 },
      { type: 'addTag', tagId: 5 },
      {
        type: 'split',
        parts: [
          { categoryId: 9, amount: null, percent: '50' },
          { categoryId: 6, amount: null, percent: null },
        ],
      },
    ]);
  });

  it('says when a rule does not use the category', () => {
    expect(reassignCategory([{ type: 'setCategory', categoryId: 6 }], 5, 9)).toBeNull();
  });
});
