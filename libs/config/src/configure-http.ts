import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { boundedRawBody } from './bounded-raw-body';
import { GATEWAY_SECRET_SCHEME, SESSION_TOKEN_SCHEME } from './openapi-access';
import { opsEndpointsMiddleware } from './ops-endpoints.middleware';
import { PlatformConfig } from './platform.config';
import { securityHeaders } from './security-headers';
import { SocketOriginsAdapter } from './socket-origins.adapter';

/** Path prefix where gateways post their own payloads; bodies there reach the handler as raw bytes. */
export const GATEWAY_INTAKE_PREFIX = '/api/gateways';

/** The most of a gateway intake body kept; a larger body is answered 413 by the intake, which keeps this much of it. */
export const GATEWAY_INTAKE_LIMIT_BYTES = 64 * 1024;

/**
 * Headers, access and body parsing for every Vigil HTTP server. Gateway intake gets the exact
 * bytes, so a message that is not even JSON, or too large, can still be kept as a dead letter;
 * everything else gets JSON. Create the app with `bodyParser: false` before calling this. OpenAPI is
 * served at /api/docs (JSON at /api/docs-json) to whom `VIGIL_OPS_ENDPOINTS` allows, like /metrics.
 */
export function configureHttp(app: INestApplication, config: Pick<PlatformConfig, 'authSecret' | 'opsEndpoints' | 'socketOrigins'>): void {
  app.use(securityHeaders());
  app.use(opsEndpointsMiddleware(config.opsEndpoints, config.authSecret));
  app.useWebSocketAdapter(new SocketOriginsAdapter(app, config.socketOrigins));
  app.use(GATEWAY_INTAKE_PREFIX, boundedRawBody(GATEWAY_INTAKE_LIMIT_BYTES));
  app.use(json({ limit: '256kb' }));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Vigil')
    .setDescription('Incident bus of a CCTV control room. Tokens: see the README.')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Vigil session token: from sign-in, or `npm run token`. Its role (operator, police, partner, contractor) decides what it may do.' }, SESSION_TOKEN_SCHEME)
    .addSecurity(GATEWAY_SECRET_SCHEME, { type: 'http', scheme: 'bearer', description: "The gateway's own secret (VIGIL_GATEWAY_SECRETS), not a session token." })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
