import { foldText } from '../core/text/fold.ts';

/** The columns of a name: the name as given (trimmed) and its folded key for comparisons. */
export function nameColumns(name: string): { name: string; name_key: string } {
  const trimmed = name.trim();
  return { name: trimmed, name_key: foldText(trimmed) };
}
