// Downloading a document's file on a real port: who may, and how it is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { storeFile } from '../resolvers/storeFile.ts';
import { createTestApp, createTestCustomer, createTestUser, TestClient, testPassword, type TestApp } from './testApp.ts';

describe('document files', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  const cookies: Record<'assistant' | 'owner' | 'other', string> = { assistant: '', owner: '', other: '' };
  let reportId: string;
  let internalId: string;
  let attachmentId: string;
  const pdf = Buffer.from('%PDF-1.4\n% rapport\n%%EOF\n');

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer(app, app.config, 0);
    const { prisma } = app.db;
    const ownerId = await createTestCustomer(prisma, { name: 'Dupont Marie' });
    const otherId = await createTestCustomer(prisma, { name: 'Garnier Paul' });
    await createTestUser(prisma, { role: 'ASSISTANT', email: 'claire@duret.test' });
    await createTestUser(prisma, { role: 'CLIENT', email: 'marie@example.fr', customerId: ownerId });
    await createTestUser(prisma, { role: 'CLIENT', email: 'paul@example.fr', customerId: otherId });
    const document = async (title: string, mimeType: string, content: Buffer, visibleToCustomer: boolean) => {
      const fileId = await storeFile(prisma, app.files, { fileName: title, mimeType, content });
      return (
        await prisma.document.create({
          data: { kind: 'OTHER', title, fileId, customerId: ownerId, visibleToCustomer },
          select: { id: true },
        })
      ).id;
    };
    reportId = await document('Bon d’intervention 12.pdf', 'application/pdf', pdf, true);
    internalId = await document('note-interne.pdf', 'application/pdf', pdf, false);
    attachmentId = await document('page.html', 'text/html', Buffer.from('<script>alert(1)</script>'), true);
    for (const [who, email] of [
      ['assistant', 'claire@duret.test'],
      ['owner', 'marie@example.fr'],
      ['other', 'paul@example.fr'],
    ] as const) {
      const client = new TestClient(fetch, `${server.url}/graphql`);
      await client.login(email, testPassword);
      cookies[who] = client.cookie!;
    }
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const download = (id: string, cookie?: string) => fetch(`${server.url}/files/documents/${id}`, { headers: cookie ? { cookie } : {} });

  it('serves a report to staff and to its customer, inline, byte for byte', async () => {
    for (const cookie of [cookies.assistant, cookies.owner]) {
      const response = await download(reportId, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename*=UTF-8''${encodeURIComponent('Bon d’intervention 12.pdf')}`,
      );
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    }
  });

  it('hides a document from another customer, from anonymous visitors, and internal ones from the customer', async () => {
    expect((await download(reportId, cookies.other)).status).toBe(404);
    expect((await download(reportId)).status).toBe(404);
    expect((await download(internalId, cookies.owner)).status).toBe(404);
    expect((await download(internalId, cookies.assistant)).status).toBe(200);
    expect((await download('unknown-id', cookies.assistant)).status).toBe(404);
  });

  it('serves anything else as a download that cannot run in the page', async () => {
    const response = await download(attachmentId, cookies.assistant);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
