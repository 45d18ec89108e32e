import { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';

/**
 * Whether a socket.io handshake may proceed: browsers from the page's own origin or a configured
 * one. A client without an Origin header is not a browser a hostile page could drive; it still
 * needs a token.
 */
export function socketOriginAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Socket.io for every gateway of the app, taking browsers only from its own origin and `VIGIL_SOCKET_ORIGINS`. */
export class SocketOriginsAdapter extends IoAdapter {
  constructor(
    app: INestApplication,
    private readonly origins: readonly string[],
  ) {
    super(app);
  }

  createIOServer(port: number, options?: Partial<ServerOptions>): unknown {
    const checked: Partial<ServerOptions> = {
      ...options,
      // CORS headers only matter for long-polling; allowRequest also covers WebSocket upgrades, which CORS does not.
      cors: { origin: [...this.origins], credentials: false },
      allowRequest: (request, callback) => callback(null, socketOriginAllowed(request.headers.origin, request.headers.host, this.origins)),
    };
    return super.createIOServer(port, checked);
  }
}
