import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestCustomer, createTestUser, testPassword, type TestApp } from './testApp.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

const loginMutation = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on MutationLoginSuccess { data { id email role } }
    ... on Error { code message messageFr messageEn }
    ... on ValidationError { issues { path messageFr messageEn } }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

describe('login, sessions and accounts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
  });
  afterAll(() => app.close());

  it('logs in with an httpOnly SameSite cookie and answers `me`', async () => {
    const client = app.client();
    const result = await client.request(loginMutation, { email: 'Claire@Duret.test ', password: testPassword });
    expect(result.data?.login).toMatchObject({
      __typename: 'MutationLoginSuccess',
      data: { email: 'claire@duret.test', role: 'ASSISTANT' },
    });
    const setCookie = client.lastResponse?.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^relais_session=[\w-]{20,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const me = await client.request(`{ me { email role } }`);
    expect(me.data).toEqual({ me: { email: 'claire@duret.test', role: 'ASSISTANT' } });
  });

  it('refuses a wrong password with a typed error and opens no session', async () => {
    const sessionsBefore = await app.db.prisma.session.count();
    const client = app.client();
    const result = await client.request(loginMutation, { email: 'claire@duret.test', password: 'not the password' });
    expect(result.data?.login).toMatchObject({
      __typename: 'InvalidCredentialsError',
      code: 'INVALID_CREDENTIALS',
      messageFr: 'E-mail ou mot de passe incorrect.',
      messageEn: 'Incorrect e-mail or password.',
    });
    expect(client.cookie).toBeUndefined();
    expect(await app.db.prisma.session.count()).toBe(sessionsBefore);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const result = await app.client().request(loginMutation, { email: 'nobody@duret.test', password: 'whatever1' });
    expect(result.data?.login).toMatchObject({ __typename: 'InvalidCredentialsError' });
  });

  it('rejects a malformed e-mail with a validation error naming the field', async () => {
    const result = await app.client().request(loginMutation, { email: 'not-an-email', password: 'x' });
    expect(result.data?.login).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'email', messageFr: 'Adresse e-mail invalide.', messageEn: 'Invalid e-mail address.' }],
    });
  });

  it('rate-limits repeated failures on one account, even with the right password afterwards', async () => {
    await createTestUser(app.db.prisma, { role: 'MANAGER', email: 'target@duret.test' });
    const client = app.client();
    const typenames: string[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const result = await client.request(loginMutation, { email: 'target@duret.test', password: `wrong-${attempt}` });
      typenames.push((result.data?.login as { __typename: string }).__typename);
    }
    expect(typenames.slice(0, 10)).toEqual(Array(10).fill('InvalidCredentialsError'));
    expect(typenames[10]).toBe('RateLimitedError');
    const blocked = await client.request(loginMutation, { email: 'target@duret.test', password: testPassword });
    expect(blocked.data?.login).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect((blocked.data?.login as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const client = app.client();
    await client.login('claire@duret.test', testPassword);
    const stolenCookie = client.cookie;
    const result = await client.request(`mutation { logout }`);
    expect(result.data).toEqual({ logout: true });
    expect(client.cookie).toBeUndefined();
    const replay = app.client();
    replay.cookie = stolenCookie;
    expect((await replay.request(`{ me { id } }`)).data).toEqual({ me: null });
  });

  it('lets a customer sign up: a CLIENT account tied to a new customer record, logged in', async () => {
    const client = app.client();
    const result = await client.request(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on MutationSignUpSuccess { data { role customer { name phones emails } } } ... on Error { code } } }`,
      {
        input: {
          email: 'marie.dupont@example.fr',
          password: 'un bon mot de passe',
          name: 'Marie Dupont',
          phone: '06 12 34 56 78',
          postalCode: '75011',
        },
      },
    );
    expect(result.data?.signUp).toEqual({
      __typename: 'MutationSignUpSuccess',
      data: { role: 'CLIENT', customer: { name: 'Marie Dupont', phones: ['+33612345678'], emails: ['marie.dupont@example.fr'] } },
    });
    expect((await client.request(`{ me { email } }`)).data).toEqual({ me: { email: 'marie.dupont@example.fr' } });
  });

  it('refuses a second sign-up with the same e-mail and writes nothing', async () => {
    const [users, customers] = [await app.db.prisma.user.count(), await app.db.prisma.customer.count()];
    const result = await app
      .client()
      .request(`mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on Error { code messageFr } } }`, {
        input: { email: 'MARIE.DUPONT@example.fr', password: 'un autre mot de passe', name: 'Marie D.' },
      });
    expect(result.data?.signUp).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await app.db.prisma.user.count()).toBe(users);
    expect(await app.db.prisma.customer.count()).toBe(customers);
  });

  it('rejects bad sign-up input field by field and writes nothing', async () => {
    const users = await app.db.prisma.user.count();
    const result = await app
      .client()
      .request(
        `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on ValidationError { issues { path messageEn } } } }`,
        { input: { email: 'a@b', password: 'short', name: 'x'.repeat(500), phone: '12' } },
      );
    const issues = (result.data?.signUp as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort();
    expect(issues).toEqual(['email', 'name', 'password', 'phone']);
    expect(await app.db.prisma.user.count()).toBe(users);
  });
});

describe('API tokens for integrators', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await createTestUser(app.db.prisma, { role: 'MANAGER', email: 'director@duret.test' });
    await createTestCustomer(app.db.prisma, { name: 'Bernard Lucien', phones: ['+33601020304'] });
  });
  afterAll(() => app.close());

  async function issueToken(scopes: string[]): Promise<string> {
    const manager = app.client();
    await manager.login('director@duret.test', testPassword);
    const result = await manager.request(
      `mutation($scopes: [TokenScope!]!) { createApiToken(name: "SAGE bridge", scopes: $scopes) { __typename ... on MutationCreateApiTokenSuccess { data { secret token { id prefix scopes } } } } }`,
      { scopes },
    );
    const created = (result.data?.createApiToken as { data: { secret: string; token: { prefix: string } } }).data;
    expect(created.secret.startsWith(created.token.prefix)).toBe(true);
    return created.secret;
  }

  it('reads customers with a bearer token holding customers:read, stored only as a hash', async () => {
    const secret = await issueToken(['CUSTOMERS_READ']);
    const stored = await app.db.prisma.apiToken.findMany({ select: { tokenHash: true } });
    expect(stored.some((row) => row.tokenHash === secret || row.tokenHash.includes(secret))).toBe(false);
    const integrator = app.client().withHeaders({ authorization: `Bearer ${secret}` });
    const result = await integrator.request(`{ customers(search: "bernard") { total items { name phones } } }`);
    expect(result.data).toEqual({ customers: { total: 1, items: [{ name: 'Bernard Lucien', phones: ['+33601020304'] }] } });
  });

  it('refuses what the token’s scopes do not cover, and everything once revoked', async () => {
    const secret = await issueToken(['APPOINTMENTS_READ']);
    const integrator = app.client().withHeaders({ authorization: `Bearer ${secret}` });
    const denied = await integrator.request(`{ customers { total } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const readSecret = await issueToken(['CUSTOMERS_READ']);
    const token = await app.db.prisma.apiToken.findFirstOrThrow({ where: { prefix: readSecret.slice(0, 10) } });
    const manager = app.client();
    await manager.login('director@duret.test', testPassword);
    await manager.request(`mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`, { id: token.id });
    const revoked = await app
      .client()
      .withHeaders({ authorization: `Bearer ${readSecret}` })
      .request(`{ customers { total } }`);
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await app.db.prisma.auditLog.count({ where: { action: 'apiToken.revoke', entityId: token.id } })).toBe(1);
  });
});

describe('password reset by e-mail, through a real SMTP server', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestApp({ smtpUrl: smtp.url });
    await createTestUser(app.db.prisma, {
      role: 'CLIENT',
      email: 'jean.martin@example.fr',
      customerId: await createTestCustomer(app.db.prisma, { name: 'Martin Jean' }),
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('sends a one-time link; the new password works, old sessions end, the link cannot be reused', async () => {
    const oldSession = app.client();
    await oldSession.login('jean.martin@example.fr', testPassword);

    const request = await app
      .client()
      .request(
        `mutation { requestPasswordReset(email: "jean.martin@example.fr") { __typename ... on MutationRequestPasswordResetSuccess { data } } }`,
      );
    expect(request.data?.requestPasswordReset).toEqual({ __typename: 'MutationRequestPasswordResetSuccess', data: true });
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    const mail = await simpleParser(smtp.received[0]!);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('jean.martin@example.fr');
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe Relais');
    const token = /reset-password\?token=([\w%-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();

    const resetMutation = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { __typename ... on Error { code } } }`;
    const reset = await app.client().request(resetMutation, { token: decodeURIComponent(token!), password: 'nouveau mot de passe' });
    expect(reset.data?.resetPassword).toEqual({ __typename: 'MutationResetPasswordSuccess' });
    expect((await oldSession.request(`{ me { id } }`)).data).toEqual({ me: null });
    await app.client().login('jean.martin@example.fr', 'nouveau mot de passe');

    const reuse = await app.client().request(resetMutation, { token: decodeURIComponent(token!), password: 'encore un autre' });
    expect(reuse.data?.resetPassword).toEqual({ __typename: 'InvalidTokenError', code: 'INVALID_TOKEN' });
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.received.length;
    const result = await app.client().request(`mutation { requestPasswordReset(email: "inconnu@example.fr") { __typename } }`);
    expect(result.data?.requestPasswordReset).toEqual({ __typename: 'MutationRequestPasswordResetSuccess' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before);
  });
});
