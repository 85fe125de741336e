/**
 * The locales offered in settings (any other the browser reports works too), each named in its
 * own language, and what the settings page shows as an example of one.
 */
export const LOCALES: readonly (readonly [code: string, name: string])[] = [
  ['en-US', 'English (United States)'],
  ['en-GB', 'English (United Kingdom)'],
  ['en-IN', 'English (India)'],
  ['de-DE', 'Deutsch (Deutschland)'],
  ['de-CH', 'Deutsch (Schweiz)'],
  ['fr-FR', 'Français (France)'],
  ['es-ES', 'Español (España)'],
  ['it-IT', 'Italiano (Italia)'],
  ['nl-NL', 'Nederlands (Nederland)'],
  ['pt-BR', 'Português (Brasil)'],
  ['sv-SE', 'Svenska (Sverige)'],
  ['pl-PL', 'Polski (Polska)'],
  ['ja-JP', '日本語 (日本)'],
];

/** The options of the locale select: the list above, plus the chosen one when it is not in it. */
export function localeOptions(chosen: string | null): (readonly [string, string])[] {
  const options = [...LOCALES];
  if (chosen && !options.some(([code]) => code === chosen)) options.push([chosen, chosen]);
  return options;
}
