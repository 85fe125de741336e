/**
 * The form in which names are compared and text is searched: Unicode-normalised (NFKC: `ﬁ` is
 * `fi`, full-width letters are plain) and lower-cased by JavaScript's full Unicode rules. Stored
 * beside the text it folds, so SQLite (whose lower() knows only ASCII) and PostgreSQL (whose
 * lower() follows the server's locale) compare exactly alike.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
