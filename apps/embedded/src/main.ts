import { startConsumers } from '@vigil/bus';
import { createVigilApp, exitOnStartupFailure } from '@vigil/config';
import { serveDashboardPage } from '../../dashboard/src/dashboard-page';
import { DemoGateway } from '../../demo-gateway/src/demo-gateway';
import { AlarmReceiverService } from '../../ingest/src/alarm-receiver/alarm-receiver.service';
import { DemoAlarmPanel } from './demo-alarms/demo-alarm-panel';
import { demoLinks } from './demo-links';
import { loadEmbeddedConfig } from './embedded.config';
import { EmbeddedModule } from './embedded.module';
import { startupMessage } from './startup-message';

async function main(): Promise<void> {
  const config = loadEmbeddedConfig();
  const { triage, signIn, dashboard, faults, notify } = config;
  const { app, logger } = await createVigilApp(EmbeddedModule.register(config.platform, config.ingest, { triage, signIn, dashboard, faults, notify }), config.platform, 'vigil');
  serveDashboardPage(app);
  await app.listen(config.httpPort, '0.0.0.0');
  await startConsumers(app);
  const port = (app.getHttpServer().address() as { port: number }).port;
  const publicUrl = config.publicUrl ?? `http://localhost:${port}/`;

  if (config.platform.demo) {
    const gateway = new DemoGateway({
      natsUrl: config.platform.natsUrl,
      namespace: config.platform.busNamespace,
      gatewayId: 'demo-airwave',
      intervalMs: config.demoFeed.intervalMs,
      seed: config.demoFeed.seed,
    });
    await gateway.start();
    process.once('SIGTERM', () => void gateway.stop());
    process.once('SIGINT', () => void gateway.stop());
    const dc09TcpPort = app.get(AlarmReceiverService).ports.tcp;
    if (dc09TcpPort) {
      // A scene about every 15 calls: alarms are a share of a real night, not most of it.
      const alarms = new DemoAlarmPanel({
        apiUrl: `http://127.0.0.1:${port}/`,
        authSecret: config.platform.authSecret,
        dc09TcpPort,
        sceneEverySeconds: (config.demoFeed.intervalMs * 15) / 1_000,
      });
      await alarms.start();
      process.once('SIGTERM', () => alarms.stop());
      process.once('SIGINT', () => alarms.stop());
    }
  }

  process.stdout.write(
    startupMessage({
      publicUrl,
      dc09: app.get(AlarmReceiverService).ports,
      demoLinks: config.platform.demo ? demoLinks(publicUrl, config.platform.authSecret) : undefined,
    }),
  );
  logger.log({ msg: 'vigil (embedded) listening', port });
}

main().catch(exitOnStartupFailure);
