import { createVigilApp, exitOnStartupFailure } from '@vigil/config';
import { DemoGateway } from '../../demo-gateway/src/demo-gateway';
import { AlarmReceiverService } from '../../ingest/src/alarm-receiver/alarm-receiver.service';
import { demoLinks } from './demo-links';
import { loadEmbeddedConfig } from './embedded.config';
import { EmbeddedModule } from './embedded.module';

async function main(): Promise<void> {
  const config = loadEmbeddedConfig();
  const { app, logger } = await createVigilApp(EmbeddedModule.register(config.platform, config.ingest, config.triage), config.platform, 'vigil');
  await app.listen(config.httpPort, '0.0.0.0');
  const port = (app.getHttpServer().address() as { port: number }).port;
  const publicUrl = config.publicUrl ?? `http://localhost:${port}/`;

  if (config.demo.enabled) {
    const gateway = new DemoGateway({
      natsUrl: config.platform.natsUrl,
      namespace: config.platform.busNamespace,
      gatewayId: 'demo-airwave',
      intervalMs: config.demo.intervalMs,
      seed: config.demo.seed,
    });
    await gateway.start();
    process.once('SIGTERM', () => void gateway.stop());
    process.once('SIGINT', () => void gateway.stop());
  }

  const links = demoLinks(publicUrl, config.platform.authSecret);
  const dc09 = app.get(AlarmReceiverService).ports;
  process.stdout.write(
    `\nVigil is running${config.demo.enabled ? ' with demo gateways (Airwave, Town Link)' : ''}.\n` +
      `Dashboard: ${links[0].url}\n` +
      links.slice(1).map((l) => `  ${l.label}: ${l.url}\n`).join('') +
      `Alarm receiver (SIA DC-09): tcp ${dc09.tcp ?? 'off'}, udp ${dc09.udp ?? 'off'}\n` +
      `Health: ${publicUrl}health   Metrics: ${publicUrl}metrics   API: ${publicUrl}api/docs\n\n`,
  );
  logger.log({ msg: 'vigil (embedded) listening', port });
}

main().catch(exitOnStartupFailure);
