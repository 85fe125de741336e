import { beforeAll, expect, it } from 'vitest';
import { setAdmin } from '../../src/server/features/auth/users.ts';
import type { App } from '../../src/server/types.ts';
import { ACCESS, type AccessClass, BOOK_CLASSES } from '../support/access-classes.ts';
import { Client, PASSWORD, type Reply, signUp, signUpWithBook, testApp } from '../support/api.ts';
import { memberWithRole } from '../support/book-data.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type Caller, exampleRequest } from '../support/example-requests.ts';
import { apiOperations, type Operation, send } from '../support/openapi-operations.ts';
import { bookSnapshot, type ProbeBook, probeBook } from '../support/probe-book.ts';

/**
 * The authorisation matrix: every operation of the OpenAPI document, called as anonymous, as a
 * stranger, as an admin who is not a member, as a viewer, an editor and the owner, with a valid
 * request (so a missing check would let it through). Who may call what is ACCESS in
 * test/support/access-classes.ts; an operation missing there fails the first test. Another
 * book's ids in paths, queries and bodies: authorization-foreign-ids.test.ts.
 */
describeEachDatabase('authorisation of every operation', (ctx) => {
  let app: App;
  let operations: Operation[];
  let owner: Client;
  let caller: Caller;
  /** The book every refusal is tried on: nothing may change in it. */
  let book: ProbeBook;
  /** A book of the same owner and members where the allowed calls may do what they do. */
  let scratch: ProbeBook;
  const people = {} as Record<'viewer' | 'editor' | 'stranger' | 'admin', Client>;

  const inClass = (...classes: AccessClass[]) => operations.filter((op) => classes.includes(ACCESS[op.key]!));
  const label = (who: string, op: Operation, reply: Reply) => [who, op.key, reply.status, reply.body?.code];
  /** An allowed call: answered without error (shown with what it answered when it was not). */
  const outcome = (who: string, op: Operation, reply: Reply) => ({
    who,
    op: op.key,
    status: reply.status,
    code: reply.body?.code,
    ok: reply.status < 300,
  });

  beforeAll(async () => {
    app = await testApp(ctx.database);
    operations = await apiOperations(app);
    const first = await signUpWithBook(app);
    owner = first.client;
    caller = { email: owner.user!.email, password: PASSWORD };
    book = await probeBook(owner, first.base);
    const second = await owner.post('/api/v1/books', { name: 'Scratch', baseCurrency: 'EUR' });
    scratch = await probeBook(owner, `/api/v1/books/${second.body.id}`);
    for (const role of ['viewer', 'editor'] as const) {
      people[role] = await memberWithRole(app, ctx.database.db, book.bookId, role);
      await ctx.database.db
        .insertInto('book_members')
        .values({ book_id: scratch.bookId, user_id: people[role].user!.id, role, created_at: '2026-01-01' })
        .execute();
    }
    people.stranger = (await signUpWithBook(app)).client;
    people.admin = await signUp(app, 'Admin');
    await setAdmin(ctx.database.db, people.admin.user!.id, true, new Date().toISOString());
  });

  it('classifies every operation of the API, and only those', () => {
    const keys = operations.map((op) => op.key);
    expect(keys.filter((key) => !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !keys.includes(key))).toEqual([]);
    for (const op of operations) {
      expect([op.key, BOOK_CLASSES.has(ACCESS[op.key]!)]).toEqual([op.key, op.path.includes('{bookId}')]);
    }
  });

  it('answers 401 to anonymous callers on every operation that is not public; the public ones answer them', async () => {
    for (const op of operations) {
      // A client of its own each: the public login logs its client in.
      const reply = await send(new Client(app), op, exampleRequest(op, book, caller));
      if (ACCESS[op.key] === 'public')
        expect({ ...outcome('anonymous', op, reply) }).toMatchObject({ ok: true });
      else expect(label('anonymous', op, reply)).toEqual(['anonymous', op.key, 401, 'UNAUTHENTICATED']);
    }
  });

  it('lets any logged-in user call the user operations', async () => {
    for (const op of inClass('user')) {
      const someone = await signUp(app, 'Someone');
      const reply = await send(
        someone,
        op,
        exampleRequest(op, book, { ...caller, email: someone.user!.email }),
      );
      expect(outcome('user', op, reply)).toMatchObject({ ok: true });
    }
  });

  it('answers 404 to a stranger and to an admin who is not a member, on every book operation, and changes nothing', async () => {
    const before = await bookSnapshot(owner, book.base);
    for (const who of ['stranger', 'admin'] as const) {
      for (const op of inClass('viewer', 'editor', 'owner')) {
        const reply = await send(people[who], op, exampleRequest(op, book, caller));
        expect(label(who, op, reply)).toEqual([who, op.key, 404, 'NOT_FOUND']);
      }
    }
    expect(await bookSnapshot(owner, book.base)).toEqual(before);
  });

  it('lets a viewer read everything and refuses every write with 403, changing nothing', async () => {
    const before = await bookSnapshot(owner, book.base);
    for (const op of inClass('viewer')) {
      const reply = await send(people.viewer, op, exampleRequest(op, book, caller));
      expect(label('viewer', op, reply)).toEqual(['viewer', op.key, 200, undefined]);
    }
    for (const op of inClass('editor', 'owner')) {
      const reply = await send(people.viewer, op, exampleRequest(op, book, caller));
      expect(label('viewer', op, reply)).toEqual(['viewer', op.key, 403, 'FORBIDDEN']);
    }
    expect(await bookSnapshot(owner, book.base)).toEqual(before);
  });

  it('refuses the owner operations to an editor with 403, changing nothing', async () => {
    const before = await bookSnapshot(owner, book.base);
    for (const op of inClass('owner')) {
      const reply = await send(people.editor, op, exampleRequest(op, book, caller));
      expect(label('editor', op, reply)).toEqual(['editor', op.key, 403, 'FORBIDDEN']);
    }
    expect(await bookSnapshot(owner, book.base)).toEqual(before);
  });

  it('lets an editor call every write and the owner every owner operation', async () => {
    // Deleting the book goes last: everything else works on it.
    const lastly = (op: Operation) => (op.method === 'DELETE' && op.path.endsWith('{bookId}') ? 1 : 0);
    const calls: [Client, string, Operation][] = [
      ...inClass('editor').map((op): [Client, string, Operation] => [people.editor, 'editor', op]),
      ...inClass('owner')
        .sort((a, b) => lastly(a) - lastly(b))
        .map((op): [Client, string, Operation] => [owner, 'owner', op]),
    ];
    for (const [client, who, op] of calls) {
      const reply = await send(client, op, exampleRequest(op, scratch, caller));
      // What the call does to the scratch book may make a later one fail (a merge, a delete), but
      // never for want of a role.
      const refused = reply.status === 401 || reply.status === 403 || reply.status >= 500;
      expect({ ...outcome(who, op, reply), refused }).toMatchObject({ refused: false });
    }
  });

  it('keeps the admin operations to administrators', async () => {
    for (const op of inClass('admin')) {
      const refused = await send(people.stranger, op, exampleRequest(op, book, caller));
      expect(label('user', op, refused)).toEqual(['user', op.key, 403, 'FORBIDDEN']);
      const allowed = await send(people.admin, op, exampleRequest(op, book, caller));
      expect(outcome('admin', op, allowed)).toMatchObject({ ok: true });
    }
  });
});
