import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { signToken, Principal } from '@vigil/auth';
import { PlatformConfig } from '@vigil/config';
import { JsonLogger } from '@vigil/observability';
import { EmbeddedModule } from '../../apps/embedded/src/embedded.module';

/** Vigil running in this test process on a free port, as `npm start` runs it (without the demo feed). */
export interface RunningVigil {
  app: INestApplication;
  url: string;
  tokenFor(principal: Principal): string;
  close(): Promise<void>;
}

/** Starts every app in one process against the test environment's NATS namespace and database. */
export async function startEmbeddedVigil(platform: PlatformConfig): Promise<RunningVigil> {
  const app = await NestFactory.create(EmbeddedModule.register(platform), {
    logger: new JsonLogger({ level: platform.logLevel, pretty: true, app: 'vigil-test' }),
  });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    tokenFor: (principal) => signToken(principal, platform.authSecret, 3600),
    close: () => app.close(),
  };
}
