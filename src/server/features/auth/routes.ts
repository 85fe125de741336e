import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordBody, LoginBody, RegisterBody, SessionInfo } from '../../../contract/auth.ts';
import { NoContent, problems } from '../../../contract/common.ts';
import { fail } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import { requireUser } from '../../plugins/auth.ts';
import type { App } from '../../types.ts';
import { authenticate, changePassword, createUser } from './service.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-token.ts';
import { closeSession, openSession } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';
import { findUserById, normaliseEmail, type UserRecord } from './users.ts';

const tags = ['auth'];

function userJson(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt,
  };
}

export async function authRoutes(app: App): Promise<void> {
  /** 5 failures per e-mail address, 50 per client address (households share one) in 15 minutes. */
  const perEmail = new LoginThrottle(5);
  const perClient = new LoginThrottle(50);

  /** Logs the user in on this client: a new session (any old one ends), its cookie, its CSRF token. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, user: UserRecord) {
    if (request.session) await closeSession(app.db, request.session.id);
    const session = await openSession(
      app.db,
      user.id,
      now(),
      app.config.sessionDays,
      request.headers['user-agent'] ?? null,
    );
    setSessionCookie(request, reply, session.token, session.expiresAt);
    return { user: userJson(user), csrfToken: session.csrfToken };
  }

  app.post(
    '/register',
    {
      schema: {
        tags,
        summary: 'Create a user and log in',
        description: 'Closed when the server runs with MONETA_REGISTRATION=closed.',
        body: RegisterBody,
        response: { 201: SessionInfo, ...problems },
      },
    },
    async (request, reply) => {
      if (!app.config.registration)
        fail('REGISTRATION_DISABLED', 'This server does not accept new registrations.');
      const user = await createUser(app.db, request.body, now());
      return reply.status(201).send(await startSession(request, reply, user));
    },
  );

  app.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        description:
          'After 5 failed attempts for an e-mail address (or 50 from one client address) within 15 minutes, answers 429 with Retry-After.',
        body: LoginBody,
        response: { 200: SessionInfo, ...problems },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const at = Date.now();
      const wait = Math.max(perEmail.retryAfter(email, at), perClient.retryAfter(request.ip, at));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        fail('RATE_LIMITED', `Too many failed logins; try again in ${wait} seconds.`);
      }
      perEmail.attempt(email, at);
      perClient.attempt(request.ip, at);
      const user = await authenticate(app.db, email, request.body.password);
      perEmail.succeed(email);
      perClient.forgive(request.ip, at);
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/logout',
    {
      schema: { tags, summary: 'End this session', response: { 204: NoContent, ...problems } },
      preValidation: requireUser,
    },
    async (request, reply) => {
      await closeSession(app.db, request.session!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: { tags, summary: 'Who is logged in', response: { 200: SessionInfo, ...problems } },
      preValidation: requireUser,
    },
    async (request) => {
      const user = await findUserById(app.db, request.user!.id);
      if (!user) fail('UNAUTHENTICATED', 'Log in to use this endpoint.');
      return { user: userJson(user), csrfToken: request.session!.csrfToken };
    },
  );

  app.post(
    '/password',
    {
      schema: {
        tags,
        summary: 'Change the password',
        description: 'Ends every other session of the user.',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...problems },
      },
      preValidation: requireUser,
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await changePassword(
        app.db,
        request.user!.id,
        request.session!.id,
        currentPassword,
        newPassword,
        now(),
      );
      return reply.status(204).send(null);
    },
  );
}
