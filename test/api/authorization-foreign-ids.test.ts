import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, PASSWORD, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type Caller, exampleRequests } from '../support/example-requests.ts';
import { idFieldNames, idOccurrences, idTarget, replacedAt } from '../support/id-fields.ts';
import {
  apiOperations,
  isBookScoped,
  type Operation,
  type OperationRequest,
  send,
} from '../support/openapi-operations.ts';
import { bookSnapshot, type ProbeBook, pathResource, probeBook } from '../support/probe-book.ts';

interface Side {
  owner: Client;
  caller: Caller;
  book: ProbeBook;
}

/** Where a request of the operation carries an id: a path parameter, a query parameter or a body field. */
interface IdPlace {
  where: string;
  resource: keyof ProbeBook['ids'];
  /** The request with the other book's id in this place. */
  swap: (request: OperationRequest, foreignId: number) => OperationRequest;
}

function idPlaces(op: Operation, request: OperationRequest): IdPlace[] {
  const places: IdPlace[] = [];
  for (const [, collection, name] of op.path.matchAll(/\/([a-z-]+)\/\{(\w+)\}/g)) {
    // A preview's id is a UUID of its user's, not an item of a book another book could name.
    if (name === 'bookId' || name === 'month' || name === 'previewId') continue;
    places.push({
      where: `path:${name}`,
      resource: pathResource(collection!, name!),
      swap: (r, id) => ({ ...r, path: { ...r.path, [name!]: id } }),
    });
  }
  for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
    const resource = idTarget(op, parameter.name, parameter.schema);
    if (resource) {
      places.push({
        where: `query:${parameter.name}`,
        resource,
        swap: (r, id) => ({ ...r, query: { ...r.query, [parameter.name]: String(id) } }),
      });
    }
  }
  for (const { pointer, resource } of idOccurrences(op, request.body, idFieldNames(op, op.body))) {
    places.push({
      where: pointer,
      resource,
      swap: (r, id) => ({ ...r, body: replacedAt(r.body, pointer, id) }),
    });
  }
  return places;
}

/**
 * Another book's ids, wherever a request takes an id: every book operation is called by a member
 * of one book, on that book, with one id (in the path, the query or the body; the places are
 * derived from the OpenAPI schemas' property names) replaced by the id of the same kind of item
 * in another book. The answer must be 404 or 422 and neither book may change.
 */
describeEachDatabase("another book's ids in paths, queries and bodies", (ctx) => {
  let app: App;
  let operations: Operation[];
  let ada: Side;
  let bob: Side;

  async function side(): Promise<Side> {
    const { client, base } = await signUpWithBook(app);
    return {
      owner: client,
      caller: { email: client.user!.email, password: PASSWORD },
      book: await probeBook(client, base),
    };
  }

  beforeAll(async () => {
    app = await testApp(ctx.database);
    operations = (await apiOperations(app)).filter(isBookScoped);
    ada = await side();
    bob = await side();
  });

  it("reaches every id field of every book operation's schema", () => {
    const missing: string[] = [];
    for (const op of operations) {
      const requests = exampleRequests(op, ada.book, ada.caller);
      const reached = new Set(
        requests
          .flatMap((request) => idPlaces(op, request))
          .map((p) => p.where.split('/').findLast((k) => !/^\d+$/.test(k))),
      );
      for (const name of idFieldNames(op, op.body)) if (!reached.has(name)) missing.push(`${op.key} ${name}`);
    }
    expect(missing).toEqual([]);
  });

  const directions: [string, () => [Side, Side]][] = [
    ['Ada with Bob’s ids', () => [ada, bob]],
    ['Bob with Ada’s ids', () => [bob, ada]],
  ];
  for (const [name, pick] of directions) {
    it(`refuses them with 404 or 422 and changes neither book: ${name}`, async () => {
      const [own, other] = pick();
      const before = [
        await bookSnapshot(own.owner, own.book.base),
        await bookSnapshot(other.owner, other.book.base),
      ];
      const answers: { op: string; where: string; status: number; code: string; fields: string[] }[] = [];
      for (const op of operations) {
        for (const request of exampleRequests(op, own.book, own.caller)) {
          for (const place of idPlaces(op, request)) {
            const reply = await send(own.owner, op, place.swap(request, other.book.ids[place.resource]));
            const fields = (reply.body?.errors ?? []).map((e: { field: string }) => e.field);
            answers.push({
              op: op.key,
              where: place.where,
              status: reply.status,
              code: reply.body?.code,
              fields,
            });
          }
        }
      }
      expect(answers.length).toBeGreaterThan(80);
      // 404 for an item named in the path; 422 (or 404) naming the field for one named in the query or body.
      const refused = (a: (typeof answers)[number]) =>
        a.where.startsWith('path:')
          ? a.status === 404 || (a.status === 422 && a.fields.includes(a.where))
          : (a.status === 404 || a.status === 422) && a.fields.includes(a.where);
      expect(answers.filter((a) => !refused(a))).toEqual([]);
      expect(await bookSnapshot(own.owner, own.book.base)).toEqual(before[0]);
      expect(await bookSnapshot(other.owner, other.book.base)).toEqual(before[1]);
    });
  }
});
