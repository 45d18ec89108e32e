import { createSocket, Socket } from 'dgram';
import { nakFrame } from './dc09/response-builder';
import { FrameHandler } from './frame-handler';
import { Origin } from './receiver-types';

/** Limits for the UDP side, where every datagram is one frame. */
export interface DatagramLimits {
  maxFrameBytes: number;
  /** Datagrams being handled at once; past this, new ones get a NAK so the panel retries later. */
  maxInFlight: number;
}

/** Binds a UDP socket that answers each datagram with one reply datagram. */
export async function bindUdp(
  host: string,
  port: number,
  handler: FrameHandler,
  limits: DatagramLimits,
  clock: () => Date,
  onError: (error: Error) => void,
): Promise<Socket> {
  const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
  let inFlight = 0;
  let open = true;
  const send = (reply: Buffer, origin: Origin): void => {
    if (open) socket.send(reply, origin.remote.port, origin.remote.address);
  };
  socket.on('message', (message, rinfo) => {
    const origin: Origin = { transport: 'udp', remote: { address: rinfo.address, port: rinfo.port } };
    if (message.length > limits.maxFrameBytes) {
      const preview = message.subarray(0, 64);
      return send(handler.garbage({ kind: 'garbage', reason: 'oversize', length: message.length, preview }, origin), origin);
    }
    if (inFlight >= limits.maxInFlight) {
      handler.outcome('overloaded', `${inFlight} datagrams in flight; NAK sent`, origin);
      return send(nakFrame(clock()), origin);
    }
    inFlight++;
    void handler
      .handle(message, origin)
      .then((reply) => send(reply, origin))
      .finally(() => inFlight--);
  });
  socket.on('close', () => (open = false));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      // Later socket errors are reported, not thrown: the panel resends what went unanswered.
      socket.on('error', onError);
      resolve();
    });
  });
  return socket;
}
