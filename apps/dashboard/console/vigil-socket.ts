import type { ClientToServerEvents, ServerToClientEvents } from '@vigil/contracts';
import type { Socket } from 'socket.io-client';

// The server's own /socket.io/socket.io.js (same version as the server, cached by the browser) defines `io`.
declare const io: (options: { auth: { token: string } }) => Socket<ServerToClientEvents, ClientToServerEvents>;

/** The page's socket.io connection to the dashboard, typed by the contracts' event maps. */
export type VigilSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How the page's link to Vigil stands, as the header shows it. */
export type FeedStatus = { kind: 'live' | 'connecting' | 'down'; text: string };

const shared = new Map<string, { socket: VigilSocket; users: number }>();

/**
 * The page's one connection for this token, shared by its feeds: an operator's incidents and
 * tickets travel on the same socket (the server joins it to both kinds of room), so the page holds
 * one connection, not one per board. Closed when the last feed releases it.
 */
export function shareSocket(token: string): { socket: VigilSocket; release: () => void } {
  const entry = shared.get(token) ?? { socket: io({ auth: { token } }), users: 0 };
  entry.users += 1;
  shared.set(token, entry);
  let released = false;
  return {
    socket: entry.socket,
    release: () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      shared.delete(token);
      entry.socket.disconnect();
    },
  };
}
