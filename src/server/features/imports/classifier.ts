import type { RowClassifier } from '../../../core/import/plan.ts';
import type { Db } from '../../../db/connect.ts';
import { loadImportClassifier } from '../rules/load.ts';

/** Rules and learned suggestions for the book's imported rows, loaded once per import. */
export function classifierFor(db: Db, bookId: number): Promise<RowClassifier | null> {
  return loadImportClassifier(db, bookId);
}
