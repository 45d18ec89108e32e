import { createVigilApp, exitOnStartupFailure } from '@vigil/config';
import { DemoGateway } from '../../demo-gateway/src/demo-gateway';
import { demoLinks } from './demo-links';
import { loadEmbeddedConfig } from './embedded.config';
import { EmbeddedModule } from './embedded.module';

async function main(): Promise<void> {
  const config = loadEmbeddedConfig();
  const { app, logger } = await createVigilApp(EmbeddedModule.register(config.platform), config.platform, 'vigil');
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
  process.stdout.write(
    `\nVigil is running${config.demo.enabled ? ' with the demo Airwave gateway' : ''}.\n` +
      `Dashboard: ${links[0].url}\n` +
      links.slice(1).map((l) => `  ${l.label}: ${l.url}\n`).join('') +
      `Health: ${publicUrl}health   Metrics: ${publicUrl}metrics\n\n`,
  );
  logger.log({ msg: 'vigil (embedded) listening', port });
}

main().catch(exitOnStartupFailure);
