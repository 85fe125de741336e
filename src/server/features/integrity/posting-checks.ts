/**
 * The row checks: postings and references that disagree with what they point at. Each is one
 * join whose WHERE keeps only the culprits.
 */
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { formatAmount, type IntegrityProblem } from './problems.ts';

/**
 * Postings whose amount is not their value in the transaction's own currency, whose amount and
 * value have opposite signs, whose repeated date or book differ from their transaction's, or
 * whose account belongs to another book.
 */
export async function postingProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  let query = db
    .selectFrom('postings as p')
    .innerJoin('transactions as t', 't.id', 'p.transaction_id')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .select([
      'p.id',
      'p.transaction_id',
      'p.book_id',
      'p.date',
      'p.amount',
      'p.value',
      't.book_id as transaction_book_id',
      't.date as transaction_date',
      't.currency as transaction_currency',
      'a.id as account_id',
      'a.book_id as account_book_id',
      'a.currency as account_currency',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.currency', '=', eb.ref('t.currency')), eb('p.amount', '<>', eb.ref('p.value'))]),
        eb.and([eb('p.amount', '<', 0), eb('p.value', '>', 0)]),
        eb.and([eb('p.amount', '>', 0), eb('p.value', '<', 0)]),
        eb('p.date', '<>', eb.ref('t.date')),
        eb('p.book_id', '<>', eb.ref('t.book_id')),
        eb('a.book_id', '<>', eb.ref('t.book_id')),
      ]),
    )
    .orderBy('p.id');
  if (bookId !== undefined) {
    query = query.where((eb) => eb.or([eb('t.book_id', '=', bookId), eb('p.book_id', '=', bookId)]));
  }

  const problems: IntegrityProblem[] = [];
  for (const row of await query.execute()) {
    const ids = {
      bookId: row.transaction_book_id,
      transactionId: row.transaction_id,
      postingId: row.id,
      accountId: row.account_id,
    };
    const where = `Posting ${row.id} of transaction ${row.transaction_id} (book ${row.transaction_book_id})`;
    const amount = toMinor(row.amount);
    const value = toMinor(row.value);
    if (row.account_currency === row.transaction_currency && amount !== value) {
      problems.push({
        kind: 'value-not-amount',
        message: `${where} is in the transaction's currency, yet its amount ${formatAmount(amount, row.account_currency)} differs from its value ${formatAmount(value, row.transaction_currency)}.`,
        ids,
      });
    }
    if ((amount < 0n && value > 0n) || (amount > 0n && value < 0n)) {
      problems.push({
        kind: 'sign-mismatch',
        message: `${where} has amount ${formatAmount(amount, row.account_currency)} and value ${formatAmount(value, row.transaction_currency)}: opposite signs.`,
        ids,
      });
    }
    if (row.date !== row.transaction_date || row.book_id !== row.transaction_book_id) {
      problems.push({
        kind: 'posting-header-mismatch',
        message: `${where} says date ${row.date}, book ${row.book_id}; its transaction says date ${row.transaction_date}, book ${row.transaction_book_id}.`,
        ids,
      });
    }
    if (row.account_book_id !== row.transaction_book_id) {
      problems.push({
        kind: 'foreign-account',
        message: `${where} posts into account ${row.account_id}, which belongs to book ${row.account_book_id}.`,
        ids,
      });
    }
  }
  return problems;
}

/** Payees, tags, category groups and parent accounts that belong to another book than their user. */
export async function referenceProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];

  const payees = await db
    .selectFrom('transactions as t')
    .innerJoin('payees as y', 'y.id', 't.payee_id')
    .select(['t.id', 't.book_id', 'y.id as payee_id', 'y.book_id as payee_book_id'])
    .whereRef('y.book_id', '<>', 't.book_id')
    .$if(bookId !== undefined, (q) => q.where('t.book_id', '=', bookId!))
    .orderBy('t.id')
    .execute();
  for (const row of payees) {
    problems.push({
      kind: 'foreign-reference',
      message: `Transaction ${row.id} (book ${row.book_id}) names payee ${row.payee_id} of book ${row.payee_book_id}.`,
      ids: { bookId: row.book_id, transactionId: row.id, payeeId: row.payee_id },
    });
  }

  const tags = await db
    .selectFrom('transaction_tags as x')
    .innerJoin('transactions as t', 't.id', 'x.transaction_id')
    .innerJoin('tags as g', 'g.id', 'x.tag_id')
    .select(['t.id', 't.book_id', 'x.book_id as link_book_id', 'g.id as tag_id', 'g.book_id as tag_book_id'])
    .where((eb) =>
      eb.or([eb('g.book_id', '<>', eb.ref('t.book_id')), eb('x.book_id', '<>', eb.ref('t.book_id'))]),
    )
    .$if(bookId !== undefined, (q) => q.where('t.book_id', '=', bookId!))
    .orderBy('t.id')
    .execute();
  for (const row of tags) {
    problems.push({
      kind: 'foreign-reference',
      message: `Transaction ${row.id} (book ${row.book_id}) carries tag ${row.tag_id} of book ${row.tag_book_id} (link says book ${row.link_book_id}).`,
      ids: { bookId: row.book_id, transactionId: row.id, tagId: row.tag_id },
    });
  }

  const accounts = await db
    .selectFrom('accounts as a')
    .leftJoin('category_groups as cg', 'cg.id', 'a.group_id')
    .leftJoin('accounts as parent', 'parent.id', 'a.parent_id')
    .select(['a.id', 'a.book_id', 'a.name', 'cg.id as group_id', 'cg.book_id as group_book_id'])
    .select(['parent.id as parent_id', 'parent.book_id as parent_book_id'])
    .where((eb) =>
      eb.or([eb('cg.book_id', '<>', eb.ref('a.book_id')), eb('parent.book_id', '<>', eb.ref('a.book_id'))]),
    )
    .$if(bookId !== undefined, (q) => q.where('a.book_id', '=', bookId!))
    .orderBy('a.id')
    .execute();
  for (const row of accounts) {
    const ids = { bookId: row.book_id, accountId: row.id };
    if (row.group_id !== null && row.group_book_id !== row.book_id) {
      problems.push({
        kind: 'foreign-reference',
        message: `Account ${row.id} “${row.name}” (book ${row.book_id}) is in category group ${row.group_id} of book ${row.group_book_id}.`,
        ids: { ...ids, groupId: row.group_id },
      });
    }
    if (row.parent_id !== null && row.parent_book_id !== row.book_id) {
      problems.push({
        kind: 'foreign-reference',
        message: `Account ${row.id} “${row.name}” (book ${row.book_id}) has parent account ${row.parent_id} of book ${row.parent_book_id}.`,
        ids: { ...ids },
      });
    }
  }
  return problems;
}
