import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, WebhookSignatureCheck } from '../channels/webhook/webhook-signature';

/** What the receiver answers one request with; `hang` never answers, to make the sender time out. */
export type ReceiverReply = { status: number; headers?: Record<string, string> } | 'hang';

/** One request the receiver got, with its own verdict on the signature. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  signature: WebhookSignatureCheck;
}

/** A real webhook receiver on a loopback port: it verifies each request as a partner's system would. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Replies for the next requests, in order; once used up, a signed request gets 200 and a badly signed one 401. */
  reply(...replies: ReceiverReply[]): void;
  close(): Promise<void>;
}

const header = (headers: IncomingHttpHeaders, name: string) => (Array.isArray(headers[name]) ? undefined : (headers[name] as string | undefined));

/** Starts a receiver on a free port that checks signatures with `secret`. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripted: ReceiverReply[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = verifyWebhookSignature({ timestamp: header(request.headers, WEBHOOK_TIMESTAMP_HEADER), signature: header(request.headers, WEBHOOK_SIGNATURE_HEADER), body }, secret, new Date());
      received.push({ headers: request.headers, body, signature });
      const reply = scripted.shift() ?? { status: signature.ok ? 200 : 401 };
      if (reply === 'hang') return;
      response.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/vigil/alerts`,
    received,
    reply: (...replies) => scripted.push(...replies),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
