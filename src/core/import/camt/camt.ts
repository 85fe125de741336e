import { fail } from '../../errors.ts';
import type { ImportIssue, ParsedFile, Statement } from '../types.ts';
import { childNamed, childrenNamed, decodeXml, parseXml, type XmlElement } from '../xml.ts';
import { readStatement } from './statement.ts';

/**
 * Reads an ISO 20022 CAMT.053 bank-to-customer statement (versions 001.02, 001.04 and 001.08, and
 * the compatible versions between and after them): one `Statement` per `<Stmt>`, one row per
 * `<Ntry>`. Any namespace prefix is accepted; the version comes from the namespace.
 */
export function parseCamt(input: Uint8Array | string): ParsedFile {
  const text = typeof input === 'string' ? input : decodeXml(input);
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') fail('UNREADABLE_FILE', 'The file is empty.');
  if (!body.startsWith('<'))
    fail('UNREADABLE_FILE', 'The file is not XML, so it cannot be a CAMT.053 bank statement.');
  const { root } = parseXml(text);
  const variant = camtVariant(root);
  const message = childNamed(root, 'BkToCstmrStmt')!;
  const elements = childrenNamed(message, 'Stmt');
  if (elements.length === 0) fail('UNREADABLE_FILE', 'The CAMT.053 file holds no statement (<Stmt>).');
  const statements: Statement[] = [];
  const issues: ImportIssue[] = [];
  for (const element of elements) {
    const read = readStatement(element, text);
    statements.push(read.statement);
    issues.push(...read.issues);
  }
  return { format: 'camt', variant, statements, issues };
}

const CAMT_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3})\.001\.(\d{2})$/;

/** 'CAMT.053.001.08' from the root's namespace; anything but a camt.053 statement is refused, saying what it is. */
function camtVariant(root: XmlElement): string {
  const match = CAMT_NAMESPACE.exec(root.namespace ?? '');
  if (match && match[1] !== 'camt.053') {
    const kind =
      match[1] === 'camt.052'
        ? 'an account report'
        : match[1] === 'camt.054'
          ? 'a notification'
          : 'a message';
    fail(
      'UNREADABLE_FILE',
      `The file is ${kind} in ISO 20022 ${match[1]}, not a CAMT.053 bank statement; ask the bank for CAMT.053.`,
    );
  }
  if (root.name !== 'Document' || !childNamed(root, 'BkToCstmrStmt') || (root.namespace && !match)) {
    const namespace = root.namespace ? ` in the namespace ${root.namespace}` : '';
    fail(
      'UNREADABLE_FILE',
      `The XML file is not a CAMT.053 bank statement: it holds <${root.name}>${namespace}, not ` +
        '<Document><BkToCstmrStmt> in urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx.',
    );
  }
  return match ? `CAMT.053.001.${match[2]}` : 'CAMT.053';
}
