// The API as tests use it: a fresh database, the real GraphQL app, and clients that
// keep their session cookie like a browser does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { developmentEmailWebhookSecret, developmentTelephonySecrets, type AppConfig } from '../app/config.ts';
import { createServices, type RelaisServices } from '../app/system.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../generated/prisma/client.ts';
import { customerSearchText } from '../resolvers/customerSearchText.ts';
import { openTestDatabase, testDatabaseKind } from './testDatabase.ts';

export interface TestApp extends RelaisServices {
  config: AppConfig;
  client(): TestClient;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    publicUrl: 'http://localhost:4000',
    dataDir: mkdtempSync(path.join(tmpdir(), 'relais-test-')),
    databaseUrl: undefined,
    // The PostgreSQL project also exercises the Redis hub.
    redisUrl: testDatabaseKind() === 'postgres' ? process.env.REDIS_URL : undefined,
    smtpUrl: undefined,
    mailFrom: 'Relais test <test@relais.test>',
    pwaDistDir: undefined,
    secureCookies: false,
    production: false,
    jobPollIntervalMs: 15_000,
    telephonyWebhookSecrets: { ...developmentTelephonySecrets },
    emailWebhookSecret: developmentEmailWebhookSecret,
    imapUrl: undefined,
    imapPollIntervalMs: 60_000,
    webhookRateLimitPerMinute: 600,
    ...overrides,
  };
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const config = testConfig(overrides);
  const services = createServices(db, config);
  return {
    ...services,
    config,
    client: () => new TestClient((input, init) => Promise.resolve(services.yoga.fetch(input, init ?? {}))),
    async close() {
      await services.hub.close();
      await db.close();
    },
  };
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A GraphQL client over `yoga.fetch` (or a real URL) that keeps cookies between requests. */
export class TestClient {
  cookie: string | undefined;
  lastResponse: Response | undefined;

  constructor(
    private readonly fetchImpl: Fetch,
    private readonly endpoint = 'http://localhost/graphql',
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>): TestClient {
    const client = new TestClient(this.fetchImpl, this.endpoint, { ...this.extraHeaders, ...headers });
    client.cookie = this.cookie;
    return client;
  }

  async request<Data = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
    const response = await this.fetchImpl(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...this.extraHeaders },
      body: JSON.stringify({ query, variables }),
    });
    this.lastResponse = response;
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair?.endsWith('=') ? undefined : pair;
    }
    return (await response.json()) as GraphQLResponse<Data>;
  }

  async login(email: string, password: string): Promise<void> {
    const result = await this.request(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename ... on Error { code } } }`,
      { email, password },
    );
    const typename = (result.data?.login as { __typename?: string } | undefined)?.__typename;
    if (typename !== 'MutationLoginSuccess') throw new Error(`login failed for ${email}: ${JSON.stringify(result)}`);
  }
}

export const testPassword = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

/** A user with a password, and for a CLIENT their own customer record. */
export async function createTestUser(
  prisma: RelaisServices['db']['prisma'],
  options: { role: Role; email: string; name?: string; customerId?: string },
): Promise<{ userId: string; customerId: string | null }> {
  testPasswordHash ??= hashPassword(testPassword);
  const user = await prisma.user.create({
    data: {
      email: options.email,
      name: options.name ?? options.email.split('@')[0]!,
      role: options.role,
      customerId: options.customerId ?? null,
      credential: { create: { hash: await testPasswordHash } },
      ...(options.role === 'TECHNICIAN' ? { technician: { create: { skills: ['depannage'], zones: ['75'] } } } : {}),
    },
    select: { id: true, customerId: true },
  });
  return { userId: user.id, customerId: user.customerId };
}

export async function createTestCustomer(
  prisma: RelaisServices['db']['prisma'],
  options: { name: string; phones?: string[]; emails?: string[]; postalCode?: string },
): Promise<string> {
  const phones = options.phones ?? [];
  const emails = options.emails ?? [];
  const postalCode = options.postalCode ?? '75011';
  const customer = await prisma.customer.create({
    data: {
      kind: 'INDIVIDUAL',
      name: options.name,
      phones,
      emails,
      searchText: customerSearchText({ name: options.name, phones, emails, postalCodes: [postalCode] }),
      sites: { create: { street: '12 rue Oberkampf', postalCode, city: 'Paris' } },
    },
    select: { id: true },
  });
  return customer.id;
}
