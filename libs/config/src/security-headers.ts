import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers for every response, X-Powered-By removed. The dashboard loads only its own
 * script, stylesheet and /socket.io/socket.io.js and talks to its own origin (ws: included in
 * 'self'); Swagger UI needs inline styles. No upgrade-insecure-requests: a control room may open
 * Vigil over plain HTTP on its own network, where upgraded requests would fail.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        connectSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        upgradeInsecureRequests: null,
      },
    },
  });
}
