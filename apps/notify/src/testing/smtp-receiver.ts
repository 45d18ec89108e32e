import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerError, SMTPServerSession } from 'smtp-server';

/**
 * How the server answers the next message: refuse it at a stage with a reply code, or never
 * answer the message's DATA (so the sender times out); `onlyRecipient` refuses that address at
 * RCPT TO and takes the others. Unscripted messages are accepted.
 */
export type SmtpReply = { refuse: 'MAIL FROM' | 'RCPT TO' | 'DATA'; code: number; message?: string; onlyRecipient?: string } | 'hang';

/** A message the server took: its envelope, the raw message and what mailparser made of it. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** A real SMTP server on a loopback port (smtp-server), reading each message as a mail client would (mailparser). */
export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, with the user and password when the server asks for them. */
  url: string;
  received: ReceivedMail[];
  /** Replies for the next messages, in order; once used up, messages are accepted. */
  reply(...replies: SmtpReply[]): void;
  close(): Promise<void>;
}

/** Who may send, when the server should ask for a login (AUTH PLAIN or LOGIN, over the loopback, no TLS). */
export interface SmtpCredentials {
  user: string;
  pass: string;
}

const refusal = (code: number, message: string): SMTPServerError => Object.assign(new Error(message), { responseCode: code });

/** Starts a server on a free loopback port; with `credentials` it refuses mail without that login (535 for a wrong one). */
export async function startSmtpReceiver(credentials?: SmtpCredentials): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const scripted: SmtpReply[] = [];
  // The reply for the message under way on each connection, taken from the script at MAIL FROM.
  const current = new Map<string, SmtpReply | undefined>();
  const refusedAt = (session: SMTPServerSession, stage: 'MAIL FROM' | 'RCPT TO' | 'DATA') => {
    const reply = current.get(session.id);
    return reply !== undefined && reply !== 'hang' && reply.refuse === stage ? refusal(reply.code, reply.message ?? `refused at ${stage}`) : null;
  };

  const server = new SMTPServer({
    authOptional: !credentials,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      callback(refusal(535, 'Authentication credentials invalid'));
    },
    onMailFrom(_address, session, callback) {
      current.set(session.id, scripted.shift());
      callback(refusedAt(session, 'MAIL FROM'));
    },
    onRcptTo(address, session, callback) {
      const reply = current.get(session.id);
      const spared = reply !== undefined && reply !== 'hang' && reply.onlyRecipient !== undefined && reply.onlyRecipient !== address.address;
      callback(spared ? null : refusedAt(session, 'RCPT TO'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (current.get(session.id) === 'hang') return;
        const refused = refusedAt(session, 'DATA');
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelope, raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const login = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@` : '';
  return {
    url: `smtp://${login}127.0.0.1:${port}`,
    received,
    reply: (...replies) => scripted.push(...replies),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
