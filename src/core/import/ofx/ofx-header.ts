import type { CsvEncoding } from '../types.ts';
import { ofxVersion } from './ofx-values.ts';

/** What the start of an OFX file says about itself. */
export interface OfxHeader {
  /** 'sgml' for the `OFXHEADER:100` key:value header, 'xml' for `<?OFX …?>`, 'none' when the file starts at `<OFX>`. */
  syntax: 'sgml' | 'xml' | 'none';
  /** `1.02`, `2.11`, or null when the header does not say. */
  version: string | null;
  /** The character set the header declares, when it is one Moneta decodes. */
  encoding: CsvEncoding | null;
}

const SGML_HEADER = /^\s*OFXHEADER\s*:/i;
const XML_OFX = /<\?OFX\s([^>]*?)\??>/i;

/** Reads the header of `text`; only the part before the first tag matters, so a prefix of the file will do. */
export function readOfxHeader(text: string): OfxHeader {
  const head = text.replace(/^\uFEFF/, '');
  if (SGML_HEADER.test(head)) {
    const fields = new Map<string, string>();
    const end = head.indexOf('<');
    for (const line of (end < 0 ? head : head.slice(0, end)).split(/\r\n|\r|\n/)) {
      const match = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (match) fields.set(match[1]!.toUpperCase(), match[2]!);
    }
    const version = fields.get('VERSION') || null;
    return {
      syntax: 'sgml',
      version: version && ofxVersion(version),
      encoding: sgmlEncoding(fields.get('ENCODING') ?? '', fields.get('CHARSET') ?? ''),
    };
  }
  const instruction = XML_OFX.exec(head.slice(0, 4096));
  if (instruction) {
    const version = /VERSION\s*=\s*["']?(\d+)/i.exec(instruction[1]!)?.[1] ?? null;
    const declared = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head.slice(0, 1024))?.[1] ?? 'utf-8';
    return { syntax: 'xml', version: version && ofxVersion(version), encoding: encodingOfLabel(declared) };
  }
  return { syntax: 'none', version: null, encoding: null };
}

/** `ENCODING:UTF-8`, or `ENCODING:USASCII` with `CHARSET:1252` / `ISO-8859-1` / `NONE`. */
function sgmlEncoding(encoding: string, charset: string): CsvEncoding | null {
  if (/^utf-?8$/i.test(encoding)) return 'utf-8';
  return encodingOfLabel(charset);
}

function encodingOfLabel(label: string): CsvEncoding | null {
  const name = label.trim().toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (/^(windows-|cp)?1252$/.test(name)) return 'windows-1252';
  if (/^(windows-|cp)?1251$/.test(name)) return 'windows-1251';
  if (/^(iso-?)?8859-1$|^latin-?1$/.test(name)) return 'iso-8859-1';
  return null;
}

/** The variant shown to the user: `OFX 1.02 (SGML)`, `OFX 2.11 (XML)`, `QFX (OFX 1.02 SGML)`. */
export function ofxVariant(header: OfxHeader, fileName: string | undefined): string {
  const extension = /\.(qfx|qbo)$/i.exec(fileName ?? '')?.[1]?.toUpperCase();
  if (header.syntax === 'none') return `${extension ?? 'OFX'} (no header)`;
  const version = header.version ? `OFX ${header.version}` : 'OFX';
  const syntax = header.syntax.toUpperCase();
  return extension ? `${extension} (${version} ${syntax})` : `${version} (${syntax})`;
}
