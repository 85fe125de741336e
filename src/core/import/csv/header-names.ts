/**
 * What banks call their columns, in the languages of the files we meet (English, German, Dutch,
 * French, Spanish, Italian, Portuguese, Russian, …). Names are compared after `normalizeHeader`:
 * lower case, accents dropped, punctuation to spaces. Earlier entries of a role win over later ones,
 * so "transaction date" beats "booking date" beats "value date" when a file has several.
 */

export type ColumnRole =
  | 'date'
  | 'valueDate'
  | 'amount'
  | 'debit'
  | 'credit'
  | 'sign'
  | 'payee'
  | 'description'
  | 'currency'
  | 'reference'
  | 'status'
  | 'balance';

export const HEADER_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  date: [
    'transaction date',
    'transactiedatum',
    'trans date',
    'started date',
    'date operation',
    'date de l operation',
    'date d operation',
    'fecha operacion',
    'fecha de operacion',
    'data operazione',
    'дата операции',
    'дата совершения операции',
    'date',
    'datum',
    'fecha',
    'data',
    'дата',
    'buchungstag',
    'buchungsdatum',
    'buchung',
    'booking date',
    'boekdatum',
    'boekingsdatum',
    'posting date',
    'posted date',
    'date comptable',
    'date de comptabilisation',
    'fecha contable',
    'data contabile',
    'umsatzdatum',
    'auftragsdatum',
    'completed date',
  ],
  valueDate: [
    'value date',
    'valutadatum',
    'valuta datum',
    'wertstellung',
    'wertstellungsdatum',
    'wert',
    'date de valeur',
    'date valeur',
    'fecha valor',
    'data valuta',
    'дата валютирования',
    'valuta',
  ],
  amount: [
    'amount',
    'betrag',
    'bedrag',
    'montant',
    'importe',
    'importo',
    'valor',
    'kwota',
    'сумма в валюте счета',
    'сумма пересчитанная в валюту счета',
    'сумма',
    'transaction amount',
    'amount eur',
    'betrag eur',
    'umsatz',
    'net',
    'net amount',
    'сумма операции',
    'gross',
  ],
  debit: [
    'debit',
    'debit amount',
    'debits',
    'soll',
    'withdrawal',
    'withdrawals',
    'paid out',
    'money out',
    'out',
    'debet',
    'af',
    'uitgaven',
    'debe',
    'cargo',
    'cargos',
    'addebiti',
    'расход',
    'списание',
    'ausgang',
    'ausgabe',
    'belastung',
    'belastungen',
    'lastschrift',
    'retrait',
    'retraits',
  ],
  credit: [
    'credit',
    'credit amount',
    'credits',
    'haben',
    'deposit',
    'deposits',
    'paid in',
    'money in',
    'in',
    'bij',
    'inkomsten',
    'haber',
    'abono',
    'abonos',
    'accrediti',
    'приход',
    'поступление',
    'зачисление',
    'eingang',
    'einnahme',
    'gutschrift',
    'gutschriften',
    'depot',
    'versement',
  ],
  sign: [
    'af bij',
    'bij af',
    'credit debit',
    'debit credit',
    'creditdebet',
    'debetcredit',
    'credit debet',
    'debet credit',
    'cr dr',
    'dr cr',
    'c d',
    'd c',
    's h',
    'soll haben',
    'soll oder haben',
    'sign',
    'indicator',
    'credit debit indicator',
  ],
  payee: [
    'payee',
    'name',
    'naam',
    'merchant',
    'merchant name',
    'counterparty',
    'counterparty name',
    'auftraggeber empfanger',
    'empfanger auftraggeber',
    'beguenstigter zahlungspflichtiger',
    'begunstigter zahlungspflichtiger',
    'zahlungsempfanger',
    'empfanger',
    'empfangername',
    'auftraggeber',
    'auftraggebername',
    'tegenrekeninghouder',
    'naam tegenpartij',
    'naam omschrijving',
    'beneficiary',
    'beneficiaire',
    'tiers',
    'beneficiario',
    'ordenante',
    'получатель',
    'контрагент',
    'payer',
  ],
  description: [
    'description',
    'transaction description',
    'details',
    'transaction details',
    'memo',
    'narrative',
    'particulars',
    'reason',
    'purpose',
    'notes',
    'note',
    'desc',
    'label',
    'text',
    'item title',
    'verwendungszweck',
    'buchungstext',
    'umsatztext',
    'vorgang',
    'mitteilung',
    'omschrijving',
    'mededelingen',
    'libelle',
    'libelle operation',
    'remarque',
    'detail',
    'concepto',
    'descripcion',
    'causale',
    'descrizione',
    'descricao',
    'описание',
    'описание операции',
    'основание',
    'назначение платежа',
    'description 1',
    'description 2',
    'description 3',
  ],
  currency: [
    'currency',
    'ccy',
    'curr',
    'wahrung',
    'waehrung',
    'valutacode',
    'valuta',
    'munt',
    'devise',
    'monnaie',
    'monn',
    'moneda',
    'divisa',
    'valuta conto',
    'валюта счета',
    'валюта',
    'валюта операции',
  ],
  reference: [
    'transaction id',
    'transaction reference',
    'reference',
    'referentie',
    'referenz',
    'reference number',
    'ref',
    'id',
    'fitid',
    'n de transaction',
    'numero de transaction',
    'operation number',
    'referencia',
    'riferimento',
    'референс проводки',
    'номер операции',
  ],
  status: [
    'status',
    'state',
    'info',
    'buchungsstatus',
    'transaction status',
    'статус',
    'estado',
    'statut',
    'stato',
    'pending',
  ],
  balance: [
    'balance',
    'running balance',
    'runningbalance',
    'current balance',
    'saldo',
    'solde',
    'kontostand',
    'saldo na mutatie',
    'остаток',
    'баланс',
  ],
};

/** The names as `normalizeHeader` leaves them (й→и, ё→е), so lists can be written naturally. */
const NORMALIZED = Object.fromEntries(
  Object.entries(HEADER_NAMES).map(([role, names]) => [role, names.map((name) => normalizeHeader(name))]),
) as Record<ColumnRole, string[]>;

/** Lower case, accents dropped (é→e, ё→е), and everything but letters and digits as single spaces. */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How well a normalised header names a role: 3 for an exact name, 2 when a known name appears
 * in it as whole words ("bedrag eur", "withdrawal" in "withdrawal"), 0 otherwise; and the rank of
 * the name (lower is better).
 */
export function matchHeader(header: string, role: ColumnRole): { score: number; rank: number } {
  const names = NORMALIZED[role];
  const exact = names.indexOf(header);
  if (exact >= 0) return { score: 3, rank: exact };
  const padded = ` ${header} `;
  for (let rank = 0; rank < names.length; rank++) {
    const name = names[rank]!;
    if (name.length > 2 && padded.includes(` ${name} `)) return { score: 2, rank };
  }
  return { score: 0, rank: names.length };
}

/** Words in a sign column meaning money out, and money in (compared after `normalizeHeader`). */
export const DEBIT_WORDS: ReadonlySet<string> = new Set([
  '-',
  'd',
  'dr',
  'db',
  'af',
  's',
  'debit',
  'debet',
  'soll',
  'out',
  'withdrawal',
  'lastschrift',
  'belastung',
  'cargo',
  'расход',
  'списание',
]);
export const CREDIT_WORDS: ReadonlySet<string> = new Set([
  '+',
  'c',
  'cr',
  'bij',
  'h',
  'credit',
  'haben',
  'in',
  'deposit',
  'gutschrift',
  'abono',
  'приход',
  'зачисление',
]);

/** A sign cell as compared with the word lists: normalised, or the bare `+`/`-`. */
export function signWordOf(cell: string): string {
  return normalizeHeader(cell) || cell.trim();
}

/** Status values meaning "not booked yet". Compared after `normalizeHeader`, as whole words. */
export const PENDING_WORDS: readonly string[] = [
  'pending',
  'vorgemerkt',
  'vorgemerkter umsatz',
  'in bearbeitung',
  'reserviert',
  'в обработке',
  'обрабатывается',
  'pendiente',
  'en attente',
  'en cours',
  'in behandeling',
  'in afwachting',
  'in sospeso',
  'not yet cleared',
  'uncleared',
  'authorised',
  'authorized',
  'processing',
];

export function isPendingValue(value: string): boolean {
  const normal = ` ${normalizeHeader(value)} `;
  return normal.length > 2 && PENDING_WORDS.some((word) => normal.includes(` ${word} `));
}
