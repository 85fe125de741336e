import type {} from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Db } from '../db/connect.ts';
import type { Config } from './config.ts';

/** The Fastify instance of Moneta, typed by its TypeBox route schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export type Role = 'owner' | 'editor' | 'viewer';

/** Who is calling: resolved from the session cookie by the auth plugin. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** The book a finance request works on, as the caller's membership grants it. */
export interface BookScope {
  bookId: number;
  userId: number;
  role: Role;
  baseCurrency: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    session: { id: string; csrfToken: string } | null;
    book: BookScope | null;
  }
  interface FastifyContextConfig {
    /** The least role a book-scoped route needs; by default viewer for GET, editor otherwise. */
    minRole?: Role;
  }
}
