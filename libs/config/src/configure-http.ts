import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { boundedRawBody } from './bounded-raw-body';

/** Path prefix where gateways post their own payloads; bodies there reach the handler as raw bytes. */
export const GATEWAY_INTAKE_PREFIX = '/api/gateways';

/** The most of a gateway intake body kept; a larger body is answered 413 by the intake, which keeps this much of it. */
export const GATEWAY_INTAKE_LIMIT_BYTES = 64 * 1024;

/**
 * Body parsing for every Vigil HTTP server. Gateway intake gets the exact bytes, so a message
 * that is not even JSON, or too large, can still be kept as a dead letter; everything else gets JSON.
 * Create the app with `bodyParser: false` before calling this. OpenAPI is served at /api/docs (JSON at /api/docs-json).
 */
export function configureHttp(app: INestApplication): void {
  app.use(GATEWAY_INTAKE_PREFIX, boundedRawBody(GATEWAY_INTAKE_LIMIT_BYTES));
  app.use(json({ limit: '256kb' }));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Vigil')
    .setDescription('Incident bus of a CCTV control room. Tokens: see the README.')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
