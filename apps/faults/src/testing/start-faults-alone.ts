import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttp, PlatformModule } from '@vigil/config';
import type { TestEnvironment } from '@vigil/testing';
import { FaultsModule } from '../faults.module';
import type { FaultsOptions } from '../faults.options';

/**
 * Faults alone in the test's process, on the environment's real Postgres and NATS, serving its
 * REST API on a free loopback port as deployed (its HTTP set-up included): what faults' int-specs
 * talk to. Not a demo unless asked.
 */
export async function startFaultsAlone(env: TestEnvironment, options: Partial<FaultsOptions> = {}): Promise<{ app: INestApplication; url: string }> {
  @Module({ imports: [PlatformModule.forRoot(env.platform, 'faults-test'), FaultsModule.register({ databaseUrl: env.databaseUrl, demo: false, ...options })] })
  class FaultsOnly {}
  const app = await NestFactory.create(FaultsOnly, { logger: false, bodyParser: false });
  configureHttp(app, env.platform);
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}
