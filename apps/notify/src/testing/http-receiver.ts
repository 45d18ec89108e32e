import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver answers one request with; `hang` never answers, to make the sender time out. */
export type ReceiverReply = { status: number; headers?: Record<string, string> } | 'hang';

/** One request as it arrived: headers and the raw body. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP endpoint on a loopback port that keeps what it was sent and answers as scripted. */
export interface HttpReceiver<Received extends ReceivedRequest> {
  url: string;
  received: Received[];
  /** Replies for the next requests, in order; once used up, the receiver's own verdict answers. */
  reply(...replies: ReceiverReply[]): void;
  close(): Promise<void>;
}

/** How a receiver judges a request as its real counterpart would: what it keeps of it, and the status it answers unless scripted otherwise. */
export type InspectRequest<Received extends ReceivedRequest> = (request: ReceivedRequest) => { received: Received; status: number };

/** A single header's value; undefined when absent or repeated. */
export const singleHeader = (headers: IncomingHttpHeaders, name: string) => (Array.isArray(headers[name]) ? undefined : (headers[name] as string | undefined));

/** Starts a receiver on a free loopback port, at `path`, judging each request with `inspect`. */
export async function startHttpReceiver<Received extends ReceivedRequest>(path: string, inspect: InspectRequest<Received>): Promise<HttpReceiver<Received>> {
  const received: Received[] = [];
  const scripted: ReceiverReply[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const verdict = inspect({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      received.push(verdict.received);
      const reply = scripted.shift() ?? { status: verdict.status };
      if (reply === 'hang') return;
      response.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    reply: (...replies) => scripted.push(...replies),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
