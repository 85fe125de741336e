import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthOptions,
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  RegistrationAccepted,
  SessionInfo,
} from '../../../contract/auth.ts';
import { NoContent, problems } from '../../../contract/common.ts';
import { fail } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import { requireUser } from '../../plugins/auth.ts';
import type { App } from '../../types.ts';
import { AuthThrottles } from './auth-throttles.ts';
import { register, registrationState } from './registration.ts';
import { authenticate, changePassword } from './service.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-token.ts';
import { closeSession, openSession } from './sessions.ts';
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
  const throttles = new AuthThrottles();

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

  app.get(
    '/options',
    {
      schema: {
        tags,
        summary: 'Whether registration is possible',
        description:
          'Public, for the login page: `first-user` on an instance without users (the first to register becomes the administrator), then `open` or `closed` as the server is configured (MONETA_REGISTRATION, closed by default).',
        response: { 200: AuthOptions, ...problems },
      },
    },
    async () => ({ registration: await registrationState(app.db, app.config.registration) }),
  );

  app.post(
    '/register',
    {
      schema: {
        tags,
        summary: 'Register a user',
        description:
          'The first user of an instance becomes its administrator; after that registration is closed (403 REGISTRATION_DISABLED) unless the server runs with MONETA_REGISTRATION=open. ' +
          'Answers 202 without a session, the same for a new and for an already registered e-mail, so that the answer does not tell which addresses have accounts: log in next (for a taken address that fails like a wrong password). ' +
          'A password that is easy to guess is refused with 422 WEAK_PASSWORD and the reason beside /password. ' +
          'After 10 registrations from one client address, or 5 for one e-mail, within 15 minutes: 429 RATE_LIMITED with Retry-After.',
        body: RegisterBody,
        response: { 202: RegistrationAccepted, ...problems },
      },
    },
    async (request, reply) => {
      throttles.registration(reply, request.ip, normaliseEmail(request.body.email));
      await register(app.db, request.body, app.config.registration, now());
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        description:
          'Failed logins within 15 minutes answer 429 RATE_LIMITED with Retry-After: after 5 for an e-mail from one client address (the right password there clears them), 50 from one client address (an IPv6 /64 counts as one), or 100 for an e-mail from anywhere. A stranger failing on purpose therefore locks out only their own address.',
        body: LoginBody,
        response: { 200: SessionInfo, ...problems },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const user = await throttles
        .login(reply, request.ip, email)
        .settle(authenticate(app.db, email, request.body.password));
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
        description:
          'Ends every other session of the user. A new password that is easy to guess is refused with 422 WEAK_PASSWORD. After 5 wrong current passwords for the user (or 50 failures from the client address) within 15 minutes: 429 RATE_LIMITED with Retry-After.',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...problems },
      },
      preValidation: requireUser,
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      const userId = request.user!.id;
      await throttles
        .passwordChange(reply, request.ip, userId)
        .settle(changePassword(app.db, userId, request.session!.id, currentPassword, newPassword, now()));
      return reply.status(204).send(null);
    },
  );
}
