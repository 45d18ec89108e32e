import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { buildFrame } from '../apps/ingest/src/alarms';
import { FrameSplitter } from '../apps/ingest/src/alarms/dc09/frame-splitter';
import { drivePanels } from './dc09-panels';
import { Dc09Result, Dc09Workload } from './workload';

/**
 * The DC-09 baseline: a TCP server in the bench process that splits frames exactly as the
 * receiver does and answers each with one pre-built ACK. Driven by the same panel client, it
 * costs what sockets and framing cost, so Vigil's figures beside it show what parsing, the
 * account lookup in Postgres and the JetStream publish before each ACK add.
 */
export async function runTcpAckBaseline(accounts: readonly string[], workload: Dc09Workload): Promise<Dc09Result> {
  const server = await listen();
  try {
    return await drivePanels((server.address() as AddressInfo).port, accounts, workload, { echo: false });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function listen(): Promise<Server> {
  // The same ACK for every frame: it does not echo the sequence, which is why the client skips that check here.
  const ack = buildFrame({ id: 'ACK', sequence: '0001', receiver: '1', line: '1', account: 'B000' });
  const server = createServer((socket: Socket) => {
    const splitter = new FrameSplitter();
    socket.on('data', (chunk: Buffer) => {
      for (const item of splitter.push(chunk)) if (item.kind === 'frame') socket.write(ack);
    });
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
