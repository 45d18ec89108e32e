import { Socket } from 'net';
import { FrameSplitter, SplitItem } from './dc09/frame-splitter';
import { FrameHandler } from './frame-handler';
import { Origin } from './receiver-types';

/** Limits that keep one connection from holding unbounded memory or sockets open forever. */
export interface ConnectionLimits {
  maxFrameBytes: number;
  idleTimeoutMs: number;
  /** Frames read but not yet answered; past this the socket stops reading until replies catch up. */
  maxPendingFrames: number;
}

/**
 * Serves one panel connection: splits frames, answers them strictly in order (a panel waits
 * for each reply), and survives garbage, floods, idle peers and abrupt disconnects.
 */
export function serveConnection(socket: Socket, handler: FrameHandler, limits: ConnectionLimits): void {
  const origin: Origin = { transport: 'tcp', remote: { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 } };
  const splitter = new FrameSplitter(limits.maxFrameBytes);
  let queue = Promise.resolve();
  let pending = 0;

  const settle = (): void => {
    pending--;
    if (pending < limits.maxPendingFrames && socket.isPaused()) socket.resume();
  };
  const answer = (item: SplitItem): Promise<Buffer> | Buffer =>
    item.kind === 'garbage' ? handler.garbage(item, origin) : handler.handle(item.bytes, origin);
  const enqueue = (item: SplitItem): void => {
    pending++;
    if (pending >= limits.maxPendingFrames) socket.pause();
    // Garbage is answered with a NAK in its place in the stream, as a UDP datagram of it would be.
    queue = queue
      .then(() => answer(item))
      .then((reply) => {
        if (socket.writable) socket.write(reply);
      })
      .finally(settle);
  };

  // A reply still being prepared is not idleness; writing it re-arms the timer.
  socket.setTimeout(limits.idleTimeoutMs, () => pending === 0 && socket.destroy());
  socket.on('data', (chunk: Buffer) => splitter.push(chunk).forEach(enqueue));
  socket.on('end', () => {
    splitter.end().forEach(enqueue);
    // The panel may half-close right after its last frame; answer it before closing our side.
    void queue.then(() => socket.end());
  });
  // Resets are routine on panel links; whatever was in flight is simply not acknowledged.
  socket.on('error', () => socket.destroy());
}
