import type { CsvMappingJson, ImportFileJson, ImportPreviewJson } from '../../api/types.ts';
import type { ChosenFile } from './base64.ts';

/** What the next preview (and the commit) is asked for: the file and how to read it. */
export interface Source {
  accountId: number;
  file: ChosenFile | null;
  /** Undefined: detected by the server. */
  format: ImportPreviewJson['format'] | undefined;
  /** The account each statement of a multi-statement file goes to, by statement index. */
  statementAccounts: ReadonlyMap<number, number>;
  /** The person's CSV layout, all of it, once applied in the layout form. */
  mapping: CsvMappingJson | undefined;
  /** The answer to the date question: kept when the layout goes back to the detected one. */
  dateFormat: CsvMappingJson['dateFormat'] | undefined;
  profileId: number | undefined;
  qifDateOrder: 'MDY' | 'DMY' | undefined;
}

export const freshSource = (accountId: number): Source => ({
  accountId,
  file: null,
  format: undefined,
  statementAccounts: new Map(),
  mapping: undefined,
  dateFormat: undefined,
  profileId: undefined,
  qifDateOrder: undefined,
});

/** The body of a preview or commit request (only what is set). */
export function bodyOf(source: Source & { file: ChosenFile }): ImportFileJson {
  const mapping: Partial<CsvMappingJson> | undefined =
    source.mapping ?? (source.dateFormat ? { dateFormat: source.dateFormat } : undefined);
  const statementAccounts = [...source.statementAccounts]
    .filter(([, accountId]) => accountId !== source.accountId)
    .map(([statement, accountId]) => ({ statement, accountId }));
  return {
    fileName: source.file.name,
    content: source.file.content,
    accountId: source.accountId,
    ...(statementAccounts.length > 0 && { statementAccounts }),
    ...(source.format && { format: source.format }),
    ...(mapping && { mapping }),
    ...(source.profileId !== undefined && { profileId: source.profileId }),
    ...(source.qifDateOrder && { qifDateOrder: source.qifDateOrder }),
  };
}
