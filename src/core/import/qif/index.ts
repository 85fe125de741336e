export {
  type ParsedQifFile,
  parseQif,
  parseQifText,
  type QifDateOrderQuestion,
  type QifParseOptions,
} from './parse-qif.ts';
export type { QifDateOrder } from './qif-date.ts';
