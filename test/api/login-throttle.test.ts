/**
 * Guessing passwords is throttled per e-mail and client address, per address and per e-mail overall,
 * and at the password change per user; yet a stranger failing on purpose from one address cannot
 * lock the real user out at another.
 */
import { expect, it } from 'vitest';
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
import { describeEachDatabase } from '../support/databases.ts';

const login = (app: App, address: string, email: string, password: string) =>
  new Client(app, address).post('/api/v1/auth/login', { email, password });

describeEachDatabase('login and password throttles', (ctx) => {
  it('does not let a stranger failing from one address lock Ada out at another', async () => {
    const app = await testApp(ctx.database);
    const ada = await signUp(app, 'Ada');
    const email = ada.user!.email;
    const stranger = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await login(app, stranger, email, `guess ${i} guess`)).status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    const blocked = await login(app, stranger, email, PASSWORD);
    expectProblem(blocked, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    expect((await login(app, uniqueAddress(), email, PASSWORD)).status).toBe(200);
    // Ada's own address is not locked either, by failures or by her success.
    expect((await login(app, ada.remoteAddress, email, PASSWORD)).status).toBe(200);
    await app.close();
  });

  it('limits the failures from one address across e-mail addresses', async () => {
    const app = await testApp(ctx.database);
    const known = await signUp(app, 'Known');
    const address = uniqueAddress();
    for (let i = 0; i < 50; i++) {
      expectProblem(await login(app, address, uniqueEmail('nobody'), PASSWORD), 401, 'INVALID_CREDENTIALS');
    }
    expectProblem(await login(app, address, known.user!.email, PASSWORD), 429, 'RATE_LIMITED');
    expect((await login(app, uniqueAddress(), known.user!.email, PASSWORD)).status).toBe(200);
    await app.close();
  });

  it('bounds the failures for one e-mail across many addresses', async () => {
    const app = await testApp(ctx.database);
    const email = (await signUp(app, 'Target')).user!.email;
    for (let address = 0; address < 25; address++) {
      const from = uniqueAddress();
      for (let i = 0; i < 4; i++) {
        expectProblem(await login(app, from, email, `guess ${i} guess`), 401, 'INVALID_CREDENTIALS');
      }
    }
    expectProblem(await login(app, uniqueAddress(), email, PASSWORD), 429, 'RATE_LIMITED');
    await app.close();
  });

  it('counts the addresses of one IPv6 /64 network as one client', async () => {
    const app = await testApp(ctx.database);
    const email = (await signUp(app, 'Six')).user!.email;
    for (let i = 1; i <= 5; i++) {
      expectProblem(
        await login(app, `2001:db8:0:7::${i.toString(16)}`, email, 'wrong guess!'),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    expectProblem(await login(app, '2001:db8:0:7:ffff:1:2:3', email, PASSWORD), 429, 'RATE_LIMITED');
    expect((await login(app, '2001:db8:0:8::1', email, PASSWORD)).status).toBe(200);
    await app.close();
  });

  it('throttles wrong current passwords at the password change, per user', async () => {
    const app = await testApp(ctx.database);
    const eve = await signUp(app, 'Eve');
    const change = (currentPassword: string) =>
      eve.post('/api/v1/auth/password', { currentPassword, newPassword: 'a fresh passphrase 71' });
    for (let i = 0; i < 5; i++)
      expectProblem(await change(`wrong ${i} password`), 401, 'INVALID_CREDENTIALS');
    const limited = await change(PASSWORD);
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Nothing changed: the old password still logs in.
    expect((await login(app, uniqueAddress(), eve.user!.email, PASSWORD)).status).toBe(200);
    await app.close();
  });
});
