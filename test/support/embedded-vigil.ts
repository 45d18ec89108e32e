import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { signToken, Principal } from '@vigil/auth';
import { startConsumers } from '@vigil/bus';
import { configureHttp, PlatformConfig } from '@vigil/config';
import { JsonLogger } from '@vigil/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveDashboardPage } from '../../apps/dashboard/src/dashboard-page';
import { EmbeddedModule, EmbeddedOptions } from '../../apps/embedded/src/embedded.module';
import { AlarmReceiverService } from '../../apps/ingest/src/alarm-receiver/alarm-receiver.service';
import type { IngestOptions } from '../../apps/ingest/src/ingest.options';

/** Vigil running in this test process on a free port, as `npm start` runs it (without the demo feed). */
export interface RunningVigil {
  app: INestApplication;
  url: string;
  tokenFor(principal: Principal): string;
  /** Where the DC-09 receiver listens. */
  dc09: { tcp?: number; udp?: number };
  close(): Promise<void>;
}

/** Starts every app in one process against the test environment's NATS namespace and database. */
export async function startEmbeddedVigil(platform: PlatformConfig, ingest: IngestOptions, options: EmbeddedOptions = {}): Promise<RunningVigil> {
  const app = await NestFactory.create<NestExpressApplication>(EmbeddedModule.register(platform, ingest, options), {
    logger: new JsonLogger({ level: platform.logLevel, pretty: true, app: 'vigil-test' }),
    bodyParser: false,
  });
  configureHttp(app, platform);
  serveDashboardPage(app);
  await app.listen(0, '127.0.0.1');
  await startConsumers(app);
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    tokenFor: (principal) => signToken(principal, platform.authSecret, 3600),
    dc09: app.get(AlarmReceiverService).ports,
    close: () => app.close(),
  };
}
