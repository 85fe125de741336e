/**
 * Who may register: the first user of an instance becomes its administrator, after which registration
 * is closed unless configured open; a taken e-mail gets the same answer as a new one; weak passwords
 * are refused with the estimator's feedback; registration attempts are throttled.
 */
import { expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import type { Config } from '../../src/server/config.ts';
import type { App } from '../../src/server/types.ts';
import {
  Client,
  expectProblem,
  PASSWORD,
  signUp,
  testApp,
  uniqueAddress,
  uniqueEmail,
} from '../support/api.ts';
import { describeEachDatabase, openTestDatabase } from '../support/databases.ts';

const register = (app: App, email: string, password = PASSWORD, name = 'Someone') =>
  new Client(app, uniqueAddress()).post('/api/v1/auth/register', { email, password, name });

const users = (database: Database) =>
  database.db
    .selectFrom('users')
    .select(['email', 'name', 'is_admin', 'password_hash'])
    .orderBy('id')
    .execute();

describeEachDatabase('who may register', (ctx) => {
  /** An app on a database of its own, whose users table starts empty. */
  async function freshInstance(config: Partial<Config>) {
    const fresh = await openTestDatabase(ctx.dialect);
    const app = await testApp(fresh.database, config);
    return {
      app,
      database: fresh.database,
      async close() {
        await app.close();
        await fresh.dispose();
      },
    };
  }

  it('makes the first user the administrator, then refuses others by default', async () => {
    const instance = await freshInstance({ registration: 'closed' });
    try {
      const { app } = instance;
      const anonymous = new Client(app);
      expect((await anonymous.get('/api/v1/auth/options')).body).toEqual({ registration: 'first-user' });

      const email = uniqueEmail('root');
      const accepted = await register(app, email, PASSWORD, 'Root');
      expect([accepted.status, accepted.body]).toEqual([202, { status: 'accepted' }]);
      expect(accepted.headers['set-cookie']).toBeUndefined();
      const root = new Client(app, uniqueAddress());
      const login = await root.post('/api/v1/auth/login', { email, password: PASSWORD });
      expect(login.body.user).toMatchObject({ email, name: 'Root', isAdmin: true });

      expect((await anonymous.get('/api/v1/auth/options')).body).toEqual({ registration: 'closed' });
      expectProblem(await register(app, uniqueEmail('late')), 403, 'REGISTRATION_DISABLED');
      expect((await users(instance.database)).map((u) => u.email)).toEqual([email]);
    } finally {
      await instance.close();
    }
  });

  it('lets exactly one of several simultaneous first registrations become the administrator', async () => {
    for (const registration of ['closed', 'open'] as const) {
      const instance = await freshInstance({ registration });
      try {
        const replies = await Promise.all(
          Array.from({ length: 6 }, () => register(instance.app, uniqueEmail('first'))),
        );
        const accepted = replies.filter((reply) => reply.status === 202).length;
        expect([registration, accepted]).toEqual([registration, registration === 'open' ? 6 : 1]);
        for (const reply of replies.filter((r) => r.status !== 202)) {
          expectProblem(reply, 403, 'REGISTRATION_DISABLED');
        }
        const rows = await users(instance.database);
        expect(rows.filter((u) => Number(u.is_admin) === 1)).toHaveLength(1);
        expect(rows).toHaveLength(accepted);
      } finally {
        await instance.close();
      }
    }
  });

  it('opens registration by configuration: later users are not administrators', async () => {
    const instance = await freshInstance({ registration: 'open' });
    try {
      const first = await signUp(instance.app, 'First');
      expect((await first.get('/api/v1/auth/options')).body).toEqual({ registration: 'open' });
      const second = await signUp(instance.app, 'Second');
      expect((await second.get('/api/v1/auth/me')).body.user.isAdmin).toBe(false);
    } finally {
      await instance.close();
    }
  });

  it('answers a taken e-mail exactly as a new one, and changes nothing', async () => {
    const app = await testApp(ctx.database);
    const email = uniqueEmail('ada');
    const fresh = await register(app, email, PASSWORD, 'Ada');
    const before = await users(ctx.database);
    const taken = await register(app, email.toUpperCase(), 'another long passphrase', 'Mallory');
    expect([taken.status, taken.contentType, taken.body]).toEqual([
      fresh.status,
      fresh.contentType,
      fresh.body,
    ]);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(await users(ctx.database)).toEqual(before);
    // The taken address's registrant cannot log in with their password: Ada's stays hers.
    expectProblem(
      await new Client(app, uniqueAddress()).post('/api/v1/auth/login', {
        email,
        password: 'another long passphrase',
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(
      (await new Client(app, uniqueAddress()).post('/api/v1/auth/login', { email, password: PASSWORD })).body
        .user.name,
    ).toBe('Ada');
    await app.close();
  });

  it('takes as long for a taken e-mail as for a new one (both hash the password)', async () => {
    const app = await testApp(ctx.database);
    const timed = async (email: string) => {
      const started = performance.now();
      expect((await register(app, email)).status).toBe(202);
      return performance.now() - started;
    };
    const emails = Array.from({ length: 5 }, () => uniqueEmail('timing'));
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const fresh: number[] = [];
    for (const email of emails) fresh.push(await timed(email));
    const taken: number[] = [];
    for (const email of emails) taken.push(await timed(email));
    // Hashing dominates both; answering a taken e-mail without hashing would take a tenth of the time.
    const ratio = median(taken) / median(fresh);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    await app.close();
  });

  it('refuses easily guessed passwords with the estimator’s feedback, and writes nothing', async () => {
    const app = await testApp(ctx.database);
    const before = await users(ctx.database);
    const email = uniqueEmail('weak');
    for (const password of ['password12', '1234567890', ' '.repeat(10), 'short', email]) {
      const problem = expectProblem(await register(app, email, password), 422, 'WEAK_PASSWORD');
      expect([password, problem.errors.map((error) => error.field)]).toEqual([password, ['/password']]);
      expect(problem.errors[0]!.message.length).toBeGreaterThan(10);
    }
    const named = expectProblem(
      await register(app, uniqueEmail(), 'Grace Hopper 1906', 'Grace Hopper'),
      422,
      'WEAK_PASSWORD',
    );
    expect(named.errors[0]!.message).toMatch(/personal/i);
    expect(await users(ctx.database)).toEqual(before);

    const ada = await signUp(app);
    for (const newPassword of ['password12', '1234567890', ' '.repeat(10)]) {
      expectProblem(
        await ada.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword }),
        422,
        'WEAK_PASSWORD',
      );
    }
    expect((await ada.get('/api/v1/auth/me')).status).toBe(200);
    await app.close();
  });

  it('throttles registration per client address and per e-mail', async () => {
    const app = await testApp(ctx.database);
    const neighbour = new Client(app, uniqueAddress());
    for (let i = 0; i < 10; i++) {
      const reply = await neighbour.post('/api/v1/auth/register', {
        email: uniqueEmail('spam'),
        password: PASSWORD,
        name: 'Spam',
      });
      expect(reply.status).toBe(202);
    }
    const limited = await neighbour.post('/api/v1/auth/register', {
      email: uniqueEmail('spam'),
      password: PASSWORD,
      name: 'Spam',
    });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await register(app, uniqueEmail('elsewhere'))).status).toBe(202);

    const email = uniqueEmail('probed');
    for (let i = 0; i < 5; i++) expect((await register(app, email)).status).toBe(202);
    expectProblem(await register(app, email), 429, 'RATE_LIMITED');
    await app.close();
  });
});
