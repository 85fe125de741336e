import { isIsoDate } from '../../calendar/date.ts';
import { parseAmountText } from '../amount-text.ts';

/**
 * An OFX amount (`TRNAMT`, `BALAMT`) as a canonical exact decimal, or null when it is not one. OFX
 * allows a decimal comma (`-200,00`, French and some European banks) and an explicit `+`; no
 * thousands separator. When a value holds both `.` and `,` (a bank that ignored the spec), the last
 * one is the decimal separator.
 */
export function ofxAmount(value: string): string | null {
  const text = value.replace(/\s+/g, '');
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma > lastPoint) {
    return parseAmountText(text, { decimalSeparator: ',', thousandsSeparator: lastPoint >= 0 ? '.' : '' });
  }
  return parseAmountText(text, { decimalSeparator: '.', thousandsSeparator: lastComma >= 0 ? ',' : '' });
}

/**
 * The calendar date of an OFX date-time (`20110331120000.000[-5:EST]`, `20180507`): its YYYYMMDD
 * part as written, with no time-zone conversion, so a row lands on the day the bank printed. Null
 * when the value does not start with a valid date.
 */
export function ofxDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : null;
}

/** OFX `VERSION:102` / `VERSION="211"` as `1.02` / `2.11`. */
export function ofxVersion(raw: string): string {
  return /^\d{3}$/.test(raw) ? `${raw[0]}.${raw.slice(1)}` : raw;
}
