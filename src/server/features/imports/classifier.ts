import type { RowClassifier } from '../../../core/import/plan.ts';
import { LIKELY_CONFIDENCE } from '../../../core/suggest/suggester.ts';
import type { Db } from '../../../db/connect.ts';
import { loadImportClassifier } from '../rules/load.ts';

/**
 * Rules and learned suggestions for the book's imported rows, loaded once per import. A row is
 * offered only the suggestions more likely right than wrong (the register asks for its own, and
 * shows more of them, for the one transaction a person is typing).
 */
export async function classifierFor(db: Db, bookId: number): Promise<RowClassifier | null> {
  const classifier = await loadImportClassifier(db, bookId);
  return {
    rules: classifier.rules,
    suggest: (subject) => classifier.suggest(subject).filter((s) => s.confidence >= LIKELY_CONFIDENCE),
  };
}
