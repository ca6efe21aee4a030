// A manager adds colleagues; they choose their password from the e-mailed invitation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, testPassword, type TestApp, type TestClient } from './testApp.ts';

const createStaffUserMutation = `mutation($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) {
    __typename
    ... on MutationCreateStaffUserSuccess { data { email name role locale } }
    ... on Error { code message }
    ... on ValidationError { issues { path } }
  }
}`;

describe('staff accounts', () => {
  let app: TestApp;
  let manager: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    await createTestUser(app.db.prisma, { role: 'MANAGER', email: 'director@duret.test' });
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    manager = app.client();
    await manager.login('director@duret.test', testPassword);
  });
  afterAll(() => app.close());

  function outboxMails(): string[] {
    const outbox = path.join(app.config.dataDir, 'outbox');
    try {
      return readdirSync(outbox).map((file) => readFileSync(path.join(outbox, file), 'utf8'));
    } catch {
      return [];
    }
  }

  it('creates a technician with a profile and e-mails an invitation that sets the password', async () => {
    const result = await manager.request(createStaffUserMutation, {
      input: { email: 'Nadia.Benali@duret-electricite.fr', name: 'Nadia Benali', role: 'TECHNICIAN', phone: '06 55 44 33 22' },
    });
    expect(result.data?.createStaffUser).toEqual({
      __typename: 'MutationCreateStaffUserSuccess',
      data: { email: 'nadia.benali@duret-electricite.fr', name: 'Nadia Benali', role: 'TECHNICIAN', locale: 'fr' },
    });
    const user = await app.db.prisma.user.findUniqueOrThrow({
      where: { email: 'nadia.benali@duret-electricite.fr' },
      select: { phone: true, technician: { select: { id: true } } },
    });
    expect(user.phone).toBe('+33655443322');
    expect(user.technician).not.toBeNull();
    expect(await app.db.prisma.auditLog.count({ where: { action: 'user.create' } })).toBe(1);

    // No SMTP server configured: the invitation lands in the local outbox as an .eml file.
    const mails = await Promise.all(outboxMails().map((raw) => simpleParser(raw)));
    const invitation = mails.find((mail) => mail.to && 'text' in mail.to && mail.to.text === 'nadia.benali@duret-electricite.fr');
    expect(invitation?.subject).toBe('Votre compte Relais');
    const token = /reset-password\?token=([\w%-]+)/.exec(invitation?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const reset = await app
      .client()
      .request(`mutation($token: String!) { resetPassword(token: $token, password: "mon mot de passe") { __typename } }`, {
        token: decodeURIComponent(token!),
      });
    expect(reset.data?.resetPassword).toEqual({ __typename: 'MutationResetPasswordSuccess' });
    const technician = app.client();
    await technician.login('nadia.benali@duret-electricite.fr', 'mon mot de passe');
    expect((await technician.request(`{ me { role } }`)).data).toEqual({ me: { role: 'TECHNICIAN' } });
  });

  it('refuses an e-mail already in use and writes nothing', async () => {
    const users = await app.db.prisma.user.count();
    const result = await manager.request(createStaffUserMutation, {
      input: { email: 'claire@duret.test', name: 'Claire bis', role: 'ASSISTANT' },
    });
    expect(result.data?.createStaffUser).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await app.db.prisma.user.count()).toBe(users);
  });

  it('does not let an assistant create accounts', async () => {
    const assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
    const result = await assistant.request(createStaffUserMutation, { input: { email: 'x@duret.test', name: 'X', role: 'MANAGER' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.db.prisma.user.count({ where: { email: 'x@duret.test' } })).toBe(0);
  });

  it('lists staff for the manager, and writes messages in the language the user asked for', async () => {
    const staff = await manager.request(`{ staffUsers { email role } }`);
    expect((staff.data?.staffUsers as { role: string }[]).map((user) => user.role).sort()).toEqual(['ASSISTANT', 'MANAGER', 'TECHNICIAN']);
    const english = await manager.request(`mutation { updateMyLocale(locale: en) { locale } }`);
    expect(english.data).toEqual({ updateMyLocale: { locale: 'en' } });
    const refused = await manager.request(createStaffUserMutation, {
      input: { email: 'claire@duret.test', name: 'Claire', role: 'ASSISTANT' },
    });
    expect((refused.data?.createStaffUser as { message: string }).message).toMatch(/^An account already exists/);
  });
});

describe('company profile', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('is public, and null until the company setting exists', async () => {
    const query = `{ company { name phone address { city } } }`;
    expect((await app.client().request(query)).data).toEqual({ company: null });
    await app.db.prisma.setting.create({
      data: {
        key: 'company',
        value: { name: 'Duret Électricité', phone: '+33145000000', address: { street: '5 rue X', postalCode: '75011', city: 'Paris' } },
      },
    });
    expect((await app.client().request(query)).data).toEqual({
      company: { name: 'Duret Électricité', phone: '+33145000000', address: { city: 'Paris' } },
    });
  });
});
