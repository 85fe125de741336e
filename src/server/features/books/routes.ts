import Type from 'typebox';
import { Book, BookPatch, Member, MemberParams, MemberPatch, NewBook } from '../../../contract/books.ts';
import { BookParams, NoContent, problems } from '../../../contract/common.ts';
import { now } from '../../clock.ts';
import { requireUser } from '../../plugins/auth.ts';
import type { App } from '../../types.ts';
import { changeRole, removeMember } from './members.ts';
import { getBook, listBooks, listMembers } from './queries.ts';
import { createBook, deleteBook, updateBook } from './service.ts';

const tags = ['books'];

/** /books: the caller's books, and creating one. */
export async function bookListRoutes(app: App): Promise<void> {
  app.get(
    '/books',
    {
      schema: {
        tags,
        summary: 'List the books you are a member of',
        response: { 200: Type.Array(Book), ...problems },
      },
      preValidation: requireUser,
    },
    async (request) => listBooks(app.db, request.user!.id),
  );

  app.post(
    '/books',
    {
      schema: {
        tags,
        summary: 'Create a book; you become its owner',
        body: NewBook,
        response: { 201: Book, ...problems },
      },
      preValidation: requireUser,
    },
    async (request, reply) =>
      reply.status(201).send(await createBook(app.db, request.user!.id, request.body, now())),
  );
}

/** /books/:bookId: one book, inside the book-access scope. */
export async function bookRoutes(app: App): Promise<void> {
  app.get(
    '/',
    { schema: { tags, summary: 'Get a book', params: BookParams, response: { 200: Book, ...problems } } },
    async (request) => (await getBook(app.db, request.book!.userId, request.book!.bookId))!,
  );

  app.patch(
    '/',
    {
      schema: {
        tags,
        summary: 'Rename a book or change its base currency (owner)',
        params: BookParams,
        body: BookPatch,
        response: { 200: Book, ...problems },
      },
      config: { minRole: 'owner' },
    },
    async (request) => updateBook(app.db, request.book!, request.body, now()),
  );

  app.delete(
    '/',
    {
      schema: {
        tags,
        summary: 'Delete a book and everything in it (owner)',
        params: BookParams,
        response: { 204: NoContent, ...problems },
      },
      config: { minRole: 'owner' },
    },
    async (request, reply) => {
      await deleteBook(app.db, request.book!);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: "List the book's members and their roles",
        params: BookParams,
        response: { 200: Type.Array(Member), ...problems },
      },
    },
    async (request) => listMembers(app.db, request.book!.bookId),
  );

  app.patch(
    '/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owner)",
        description: 'The last owner cannot step down: answers LAST_OWNER.',
        params: MemberParams,
        body: MemberPatch,
        response: { 200: Member, ...problems },
      },
      config: { minRole: 'owner' },
    },
    async (request) => changeRole(app.db, request.book!, request.params.userId, request.body.role),
  );

  app.delete(
    '/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (owner), or leave the book (yourself)',
        description: 'The last owner cannot leave: answers LAST_OWNER.',
        params: MemberParams,
        response: { 204: NoContent, ...problems },
      },
      config: { minRole: 'viewer' },
    },
    async (request, reply) => {
      await removeMember(app.db, request.book!, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
