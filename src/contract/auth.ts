import Type, { type Static } from 'typebox';
import { Id, Instant, Name } from './common.ts';

export const Email = Type.String({
  format: 'email',
  minLength: 3,
  maxLength: 254,
  example: 'ada@example.com',
});
export const Password = Type.String({ minLength: 1, maxLength: 200, description: 'At least 10 characters.' });

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

export const RegisterBody = Type.Object(
  { email: Email, password: Password, name: Name },
  { additionalProperties: false },
);
export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
