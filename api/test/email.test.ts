// E-mail in the inbox: real .eml fixtures through the signed inbound webhook (accents,
// quoted-printable, attachments, HTML-only, replies), threading, replies from a ticket
// through a real SMTP server, and the IMAP poller against a real Dovecot when installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../app/httpServer.ts';
import { createImapPoller } from '../app/imapPoller.ts';
import { receiveInboundEmail } from '../resolvers/receiveInboundEmail.ts';
import { webhookSignature } from '../resolvers/verifyWebhookSignature.ts';
import { createTestApp, createTestCustomer, createTestUser, testPassword, type TestApp, type TestClient } from './testApp.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

const fixtureDir = path.join(import.meta.dirname, 'fixtures/emails');
const fixture = (name: string) => readFileSync(path.join(fixtureDir, name));
const intake = (app: TestApp) => ({ prisma: app.db.prisma, hub: app.hub, files: app.files });

const replyMutation = `mutation($input: SendTicketReplyInput!) {
  sendTicketReply(input: $input) {
    __typename
    ... on MutationSendTicketReplySuccess { data { id status subject toAddresses } }
    ... on ValidationError { code messageFr issues { path messageFr } }
  }
}`;

describe('inbound e-mail and replies', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let server: RunningHttpServer;
  let assistant: TestClient;
  let dupontId: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Duret Électricité <contact@duret-electricite.fr>' });
    server = await startHttpServer(app, app.config, 0);
    dupontId = await createTestCustomer(app.db.prisma, { name: 'Dupont Jean', emails: ['jean.dupont@orange.fr'] });
    await app.db.prisma.slaPolicy.create({ data: { priority: 'NORMAL', firstResponseMinutes: 240, resolutionMinutes: 2880 } });
    await createTestUser(app.db.prisma, { role: 'ASSISTANT', email: 'claire@duret.test', name: 'Claire Bernard' });
    assistant = app.client();
    await assistant.login('claire@duret.test', testPassword);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
    await smtp.close();
  });

  function postEmail(raw: Buffer | string, options: { secret?: string; contentType?: string; tamper?: boolean } = {}) {
    const body = Buffer.from(raw);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = webhookSignature(options.secret ?? app.config.emailWebhookSecret!, timestamp, body);
    if (options.tamper) body.writeUInt8(body.readUInt8(body.length - 3) ^ 1, body.length - 3);
    return fetch(`${server.url}/webhooks/email/inbound`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'message/rfc822',
        'x-relais-timestamp': timestamp,
        'x-relais-signature': signature,
      },
      body,
    });
  }

  async function counts() {
    const { prisma } = app.db;
    return {
      tickets: await prisma.ticket.count(),
      emails: await prisma.emailMessage.count(),
      documents: await prisma.document.count(),
      events: await prisma.ticketEvent.count(),
    };
  }

  it('opens a ticket from an Outlook message: Latin-1 quoted-printable, encoded subject, the customer, the PDF attached', async () => {
    const response = await postEmail(fixture('01-devis-outlook-pj.eml'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; ticketId: string };
    expect(body.status).toBe('received');
    const ticket = await app.db.prisma.ticket.findUniqueOrThrow({
      where: { id: body.ticketId },
      select: {
        source: true,
        subject: true,
        description: true,
        customerId: true,
        status: true,
        firstResponseDueAt: true,
        documents: {
          select: { title: true, kind: true, file: { select: { mimeType: true, sizeBytes: true, sha256: true, storageKey: true } } },
        },
        emailMessages: { select: { fromAddress: true, textBody: true, rawFileId: true } },
      },
    });
    expect(ticket).toMatchObject({ source: 'EMAIL', subject: 'Demande de devis éclairage extérieur', customerId: dupontId, status: 'NEW' });
    expect(ticket.description).toContain('projecteur à détection sur la façade');
    expect(ticket.firstResponseDueAt).not.toBeNull();
    expect(ticket.emailMessages).toHaveLength(1);
    expect(ticket.emailMessages[0]!.rawFileId).not.toBeNull();
    expect(ticket.documents).toHaveLength(1);
    const [pdf] = ticket.documents;
    expect(pdf).toMatchObject({ title: 'plan-jardin.pdf', kind: 'ATTACHMENT', file: { mimeType: 'application/pdf' } });
    const stored = await app.files.read(pdf!.file.storageKey);
    expect(stored.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(createHash('sha256').update(stored).digest('hex')).toBe(pdf!.file.sha256);
  });

  it('takes a message delivered again, or three times at once, exactly once', async () => {
    const before = await counts();
    const again = await postEmail(fixture('01-devis-outlook-pj.eml'));
    expect(((await again.json()) as { status: string }).status).toBe('duplicate');
    expect(await counts()).toEqual(before);

    const raw = fixture('04-html-seulement.eml');
    const outcomes = await Promise.all([1, 2, 3].map(() => receiveInboundEmail(intake(app), raw)));
    expect(new Set(outcomes.map((outcome) => outcome.ticketId)).size).toBe(1);
    expect(outcomes.filter((outcome) => !outcome.duplicate)).toHaveLength(1);
    const after = await counts();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.emails).toBe(before.emails + 1);
    const html = await app.db.prisma.emailMessage.findFirstOrThrow({
      where: { messageId: '<0102018f2a7b9c3d-urgent-boulangerie@eu-west-1.amazonses.com>' },
      select: { subject: true, textBody: true, customerId: true, ticket: { select: { customerId: true } } },
    });
    expect(html.subject).toBe('Urgent : disjoncteur qui saute');
    expect(html.textBody).toContain('disjoncteur différentiel');
    expect(html.textBody).not.toContain('<b>');
    expect(html.customerId).toBeNull();
  });

  it('threads a reply by References and a follow-up without headers by sender and subject', async () => {
    const original = await app.db.prisma.emailMessage.findUniqueOrThrow({
      where: { messageId: '<AM0PR02MB5555A1B2C3D4E5F6@AM0PR02MB5555.eurprd02.prod.outlook.com>' },
      select: { ticketId: true },
    });
    const reply = await receiveInboundEmail(intake(app), fixture('02-reponse-references.eml'));
    expect(reply).toMatchObject({ ticketId: original.ticketId, openedTicket: false, duplicate: false });
    const followUp = await receiveInboundEmail(intake(app), fixture('03-relance-sans-en-tetes.eml'));
    expect(followUp).toMatchObject({ ticketId: original.ticketId, openedTicket: false });
    const timeline = await app.db.prisma.ticketEvent.findMany({
      where: { ticketId: original.ticketId!, kind: 'EMAIL_IN' },
      select: { emailMessage: { select: { textBody: true } } },
      orderBy: { createdAt: 'asc' },
    });
    expect(timeline).toHaveLength(3);
    expect(timeline[1]!.emailMessage!.textBody).toContain('prise extérieure étanche');
  });

  it('replies from the ticket by SMTP with threading headers, and the answer to that reply comes back to the ticket', async () => {
    const { prisma } = app.db;
    const ticket = await prisma.ticket.findFirstOrThrow({
      where: { subject: 'Demande de devis éclairage extérieur' },
      select: { id: true, number: true },
    });
    const idempotencyKey = randomUUID();
    const input = {
      ticketId: ticket.id,
      body: 'Bonjour Monsieur Dupont,\n\nNous pouvons passer mardi à 17 h 30 pour le métré.\n\nClaire',
      idempotencyKey,
    };
    const sent = await assistant.request(replyMutation, { input });
    expect(sent.data?.sendTicketReply).toMatchObject({
      __typename: 'MutationSendTicketReplySuccess',
      data: {
        status: 'SENT',
        toAddresses: ['jean.dupont@orange.fr'],
        subject: `Re: TR: Demande de devis éclairage extérieur [#${ticket.number}]`,
      },
    });
    const replayed = await assistant.request(replyMutation, { input });
    expect(replayed.data?.sendTicketReply).toEqual(sent.data?.sendTicketReply);
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);

    const delivered = await simpleParser(smtp.received[0]!);
    expect(delivered.inReplyTo).toBe('<20261124083000.4F2A1@smtp.orange.fr>');
    expect([delivered.references].flat()).toContain('<20261124083000.4F2A1@smtp.orange.fr>');
    expect(delivered.from?.value[0]?.address).toBe('contact@duret-electricite.fr');
    expect(delivered.text).toContain('mardi à 17 h 30');
    const afterReply = await prisma.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { status: true, firstRespondedAt: true },
    });
    expect(afterReply.status).toBe('OPEN');
    expect(afterReply.firstRespondedAt).not.toBeNull();

    // The customer answers our reply from another client, which keeps only In-Reply-To.
    await prisma.ticket.update({ where: { id: ticket.id }, data: { status: 'PENDING' } });
    const answer = [
      'From: Jean Dupont <jean.dupont@orange.fr>',
      'To: contact@duret-electricite.fr',
      `Subject: Re: ${delivered.subject}`,
      `Message-ID: <${randomUUID()}@orange.fr>`,
      `In-Reply-To: ${delivered.messageId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mardi 17 h 30, parfait. Merci !',
    ].join('\r\n');
    const outcome = await receiveInboundEmail(intake(app), Buffer.from(answer));
    expect(outcome).toMatchObject({ ticketId: ticket.id, openedTicket: false });
    const reopened = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } });
    expect(reopened.status).toBe('OPEN');
  });

  it('threads by the [#number] token only for someone already in the ticket; a closed ticket gets a new one', async () => {
    const { prisma } = app.db;
    const ticket = await prisma.ticket.findFirstOrThrow({
      where: { subject: 'Demande de devis éclairage extérieur' },
      select: { id: true, number: true },
    });
    const message = (from: string, subject: string) =>
      Buffer.from(
        [
          `From: ${from}`,
          'To: contact@duret-electricite.fr',
          `Subject: ${subject}`,
          `Message-ID: <${randomUUID()}@example.fr>`,
          '',
          'Texte.',
        ].join('\r\n'),
      );
    const participant = await receiveInboundEmail(intake(app), message('jean.dupont@orange.fr', `Photos du jardin [#${ticket.number}]`));
    expect(participant.ticketId).toBe(ticket.id);
    const stranger = await receiveInboundEmail(intake(app), message('curieux@example.fr', `Photos du jardin [#${ticket.number}]`));
    expect(stranger).toMatchObject({ openedTicket: true });
    expect(stranger.ticketId).not.toBe(ticket.id);

    await prisma.ticket.update({ where: { id: ticket.id }, data: { status: 'CLOSED', closedAt: new Date() } });
    const afterClosing = await receiveInboundEmail(
      intake(app),
      message('jean.dupont@orange.fr', `Re: encore une question [#${ticket.number}]`),
    );
    expect(afterClosing).toMatchObject({ openedTicket: true });
    expect(afterClosing.ticketId).not.toBe(ticket.id);
  });

  it('refuses unsigned, tampered, stale-secret and non-RFC 822 deliveries, writing nothing', async () => {
    const before = await counts();
    const raw = fixture('04-html-seulement.eml').toString().replace('urgent-boulangerie', 'autre-message');
    expect((await postEmail(raw, { tamper: true })).status).toBe(401);
    expect((await postEmail(raw, { secret: 'wrong secret' })).status).toBe(401);
    expect((await postEmail(raw, { contentType: 'application/json' })).status).toBe(415);
    const unsigned = await fetch(`${server.url}/webhooks/email/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: raw,
    });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_MISSING');
    expect(await counts()).toEqual(before);
  });

  it('keeps the [#number] token in a subject the assistant wrote (from a template)', async () => {
    const ticket = await app.db.prisma.ticket.findFirstOrThrow({
      where: { customerId: dupontId, status: { not: 'CLOSED' } },
      select: { id: true, number: true },
    });
    const sent = await assistant.request(replyMutation, {
      input: { ticketId: ticket.id, subject: 'Votre devis', body: 'Bonjour, voici le devis.', idempotencyKey: randomUUID() },
    });
    expect(sent.data?.sendTicketReply).toMatchObject({ data: { subject: `Votre devis [#${ticket.number}]` } });
  });

  it('refuses a reply without a body or recipient in French and English, sending nothing', async () => {
    const sentBefore = smtp.received.length;
    const ticketId = (await app.db.prisma.ticket.findFirstOrThrow({ where: { customerId: null }, select: { id: true } })).id;
    const empty = await assistant.request(replyMutation, { input: { ticketId, body: '  ', idempotencyKey: randomUUID() } });
    expect(empty.data?.sendTicketReply).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'body' }] });
    const badAddress = await assistant.request(replyMutation, {
      input: { ticketId, body: 'Bonjour', to: 'pas-une-adresse', idempotencyKey: randomUUID() },
    });
    expect(badAddress.data?.sendTicketReply).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: 'to', messageFr: 'Adresse e-mail invalide.' }],
    });
    expect(smtp.received.length).toBe(sentBefore);
  });
});

describe('webhook rate limit', () => {
  let app: TestApp;
  let server: RunningHttpServer;
  beforeAll(async () => {
    app = await createTestApp({ webhookRateLimitPerMinute: 3 });
    server = await startHttpServer(app, app.config, 0);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('answers 429 with Retry-After once a sender exceeds the route’s deliveries per minute, before reading the body', async () => {
    const post = (route: string) =>
      fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: 'Subject: x\r\n\r\nx' });
    const statuses: number[] = [];
    // Counters are per minute: allow for one window boundary falling between the requests.
    for (let attempt = 0; attempt < 8 && !statuses.includes(429); attempt += 1) {
      const response = await post('/webhooks/email/inbound');
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses).toContain(429);
    // Each route counts on its own.
    expect((await post('/webhooks/telephony/generic')).status).not.toBe(429);
  });
});

const dovecot = '/usr/sbin/dovecot';

/** A throwaway Dovecot on a free port, with one mailbox user, started as the tests' own server. */
async function startDovecot(): Promise<{ port: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-dovecot-'));
  // Dovecot's mail processes must reach the mailboxes inside.
  chmodSync(dir, 0o755);
  const mailDir = path.join(dir, 'mail');
  for (const sub of ['run', 'state']) mkdirSync(path.join(dir, sub));
  mkdirSync(mailDir);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  // Mail processes never run as root: the mailbox belongs to Dovecot's own user when we are root.
  const owner = userInfo().uid === 0 ? { uid: Number(readId('dovecot', 'u')), gid: Number(readId('dovecot', 'g')) } : userInfo();
  chownSync(mailDir, owner.uid, owner.gid);
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${mailDir}/%u
first_valid_uid = 1
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${mailDir}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(dovecot, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: 'x', pass: 'secret' }, logger: false });
    const up = await client.connect().then(
      () => client.logout().then(() => true),
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('Dovecot did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function readId(user: string, kind: 'u' | 'g'): string {
  const line = readFileSync(kind === 'u' ? '/etc/passwd' : '/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} in ${kind === 'u' ? '/etc/passwd' : '/etc/group'}`);
  return line.split(':')[2]!;
}

// Dovecot comes from Debian (apt-get install dovecot-imapd, see the README); the webhook path above runs everywhere.
describe.runIf(existsSync(dovecot))('the IMAP poller, against a real Dovecot', () => {
  let app: TestApp;
  let imap: Awaited<ReturnType<typeof startDovecot>>;
  beforeAll(async () => {
    imap = await startDovecot();
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    await imap.stop();
  });

  it('takes in each unseen message once, flags it seen, and threads the reply', async () => {
    const mailbox = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: 'contact@duret-electricite.fr', pass: 'secret' },
      logger: false,
    });
    await mailbox.connect();
    for (const name of ['01-devis-outlook-pj.eml', '02-reponse-references.eml', '04-html-seulement.eml']) {
      await mailbox.append('INBOX', fixture(name));
    }
    await mailbox.append('INBOX', fixture('03-relance-sans-en-tetes.eml'), ['\\Seen']);

    const poller = createImapPoller({
      url: `imap://${encodeURIComponent('contact@duret-electricite.fr')}:secret@127.0.0.1:${imap.port}/INBOX`,
      intervalMs: 60_000,
      receive: (raw) => receiveInboundEmail(intake(app), raw),
    });
    expect(await poller.runOnce()).toBe(3);
    expect(await poller.runOnce()).toBe(0);
    expect(await app.db.prisma.ticket.count()).toBe(2);
    expect(await app.db.prisma.emailMessage.count()).toBe(3);

    await mailbox.mailboxOpen('INBOX');
    const unseen = (await mailbox.search({ seen: false })) || [];
    expect(unseen).toEqual([]);
    await mailbox.logout();
  });
});
