import { fail } from '../errors.ts';

/**
 * ISO 4217 currencies in circulation and the number of digits of their minor unit.
 * Every currency not listed in a group has two.
 */
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN
  BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
  GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD
  MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN
  QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD
  TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG`;

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...TWO_DECIMALS.split(/\s+/).map((code) => [code, 2] as const),
  ...ZERO_DECIMALS.split(' ').map((code) => [code, 0] as const),
  ...THREE_DECIMALS.split(' ').map((code) => [code, 3] as const),
  ...FOUR_DECIMALS.split(' ').map((code) => [code, 4] as const),
]);

/** A three-letter ISO 4217 code that Moneta knows. Branded so only `currency()` makes one. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export function isCurrencyCode(code: string): code is CurrencyCode {
  return EXPONENTS.has(code);
}

/** Checks a currency code, failing with UNKNOWN_CURRENCY for anything not in ISO 4217. */
export function currency(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) fail('UNKNOWN_CURRENCY', `'${code}' is not an ISO 4217 currency code.`);
  return code;
}

/** Digits of the minor unit: 2 for EUR (cents), 0 for JPY, 3 for KWD (fils). */
export function exponentOf(code: CurrencyCode): number {
  return EXPONENTS.get(code)!;
}

/** The currencies grouped by exponent: [[0, [BIF, CLP, …]], [2, […]], [3, […]], [4, […]]]. */
export function currenciesByExponent(): [number, CurrencyCode[]][] {
  const groups = new Map<number, CurrencyCode[]>();
  for (const [code, exponent] of EXPONENTS)
    groups.set(exponent, [...(groups.get(exponent) ?? []), code as CurrencyCode]);
  return [...groups].sort(([a], [b]) => a - b);
}

export function allCurrencies(): CurrencyCode[] {
  return [...EXPONENTS.keys()].sort() as CurrencyCode[];
}
