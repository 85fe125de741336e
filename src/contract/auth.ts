import Type, { type Static } from 'typebox';
import { Id, Instant, Name } from './common.ts';

export const Email = Type.String({
  format: 'email',
  minLength: 3,
  maxLength: 254,
  example: 'ada@example.com',
});
export const Password = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'A new password needs at least 10 characters and must be hard to guess (a strength estimate, zxcvbn, of 3 of 4 or more).',
});

export const User = Type.Object({
  id: Id,
  email: Email,
  name: Type.String(),
  isAdmin: Type.Boolean(),
  createdAt: Instant,
});
export type UserJson = Static<typeof User>;

/** Answer to register, login and who-am-I: the user and the CSRF token to send on writes. */
export const SessionInfo = Type.Object({
  user: User,
  csrfToken: Type.String({
    description: 'Send as the X-CSRF-Token header on every POST, PATCH, PUT and DELETE.',
  }),
});

/** The answer to a registration: the same whether the e-mail was new or taken (then log in). */
export const RegistrationAccepted = Type.Object({
  status: Type.Literal('accepted', { description: 'Log in with the same e-mail and password next.' }),
});

/** What the login page needs to know before anyone is logged in. */
export const AuthOptions = Type.Object({
  registration: Type.Union([Type.Literal('first-user'), Type.Literal('open'), Type.Literal('closed')], {
    description:
      '`first-user`: nobody has an account yet, and whoever registers first becomes the administrator; `open`: anyone may register; `closed`: nobody may.',
  }),
});

export const RegisterBody = Type.Object(
  { email: Email, password: Password, name: Name },
  { additionalProperties: false },
);
export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
