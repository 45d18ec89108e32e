import type { Socket } from 'socket.io';
import { SOCKET_EVENTS } from '@vigil/contracts';

// Node fires a setTimeout at once when its delay exceeds 2^31-1 ms (24.8 days); longer tokens wait in steps.
const MAX_TIMER_MS = 2_147_483_647;

/** Ends a dashboard session when its token expires: tells the page why, then disconnects. Cancelled if the socket leaves first. */
export function endSessionWhenTokenExpires(socket: Socket, expiresAt: Date): void {
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining <= 0) return expire();
    timer = setTimeout(wait, Math.min(remaining, MAX_TIMER_MS));
  };
  const expire = () => {
    socket.emit(SOCKET_EVENTS.sessionExpired, { reason: 'token expired' });
    socket.disconnect(true);
  };
  socket.once('disconnect', () => clearTimeout(timer));
  wait();
}
