import type { FastifyRequest } from 'fastify';
import { fail } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { Membership } from '../features/auth/sessions.ts';
import type { App, Role } from '../types.ts';

/** The largest id a key column holds (32-bit on PostgreSQL). */
const MAX_ID = 2_147_483_647;
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };
const READS = new Set(['GET', 'HEAD']);
const PREFETCHED = Symbol('prefetchedMembership');

interface Prefetched {
  bookId: number;
  membership: Membership | null;
}
type WithPrefetched = FastifyRequest & { [PREFETCHED]?: Prefetched };

async function findMembership(db: Db, bookId: number, userId: number): Promise<Membership | null> {
  const row = await db
    .selectFrom('book_members')
    .innerJoin('books', 'books.id', 'book_members.book_id')
    .select(['book_members.role', 'books.base_currency'])
    .where('book_members.book_id', '=', bookId)
    .where('book_members.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { role: row.role, baseCurrency: row.base_currency } : null;
}

/** The `:bookId` of a request's path as a key, or 0 when absent or not a possible id. */
function bookIdOf(request: FastifyRequest): number {
  const raw = (request.params as { bookId?: string } | undefined)?.bookId ?? '';
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_ID ? Number(raw) : 0;
}

/**
 * The book whose membership the session lookup may read in the same query: that of a read (GET,
 * HEAD) of a book's path. Not for writes, whose bodies arrive between the session lookup and the
 * gate: a membership removed meanwhile must still refuse them.
 */
export function bookToPrefetch(request: FastifyRequest): number {
  return READS.has(request.method) ? bookIdOf(request) : 0;
}

/** Keeps the membership the session lookup read for `bookToPrefetch(request)`, for the gate below. */
export function keepPrefetched(request: FastifyRequest, bookId: number, membership: Membership | null): void {
  (request as WithPrefetched)[PREFETCHED] = { bookId, membership };
}

/**
 * The gate of every route under /books/:bookId: the caller must be logged in and a member of the
 * book. A book the caller is not a member of answers 404, exactly like one that does not exist.
 * Reads need the viewer role, writes the editor role, unless a route asks for more with
 * `config.minRole`. Runs before validation, so a stranger learns nothing from a bad body either.
 */
export function bookAccess(app: App): void {
  app.decorateRequest('book', null);
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.user) fail('UNAUTHENTICATED', 'Log in to use this endpoint.');
    const bookId = bookIdOf(request);
    const prefetched = (request as WithPrefetched)[PREFETCHED];
    const membership =
      bookId === 0
        ? null
        : prefetched?.bookId === bookId
          ? prefetched.membership
          : await findMembership(app.db, bookId, request.user.id);
    if (!membership) {
      const raw = (request.params as { bookId?: string }).bookId ?? '';
      fail('NOT_FOUND', `There is no book ${raw.slice(0, 20)} of yours.`);
    }
    const needed = request.routeOptions.config.minRole ?? (READS.has(request.method) ? 'viewer' : 'editor');
    if (RANK[membership.role] < RANK[needed]) {
      fail(
        'FORBIDDEN',
        `This needs the ${needed} role in the book; you are ${membership.role === 'editor' ? 'an' : 'a'} ${membership.role}.`,
      );
    }
    request.book = {
      bookId,
      userId: request.user.id,
      role: membership.role,
      baseCurrency: membership.baseCurrency,
    };
  });
}
