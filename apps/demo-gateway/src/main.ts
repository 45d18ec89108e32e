import { exitOnStartupFailure } from '@vigil/config';
import { redactUrl } from '@vigil/observability';
import { connectToNats } from '@vigil/bus';
import { DemoGateway } from './demo-gateway';
import { loadDemoGatewayConfig } from './demo-gateway.config';

async function main(): Promise<void> {
  const options = loadDemoGatewayConfig();
  // Probe first, waiting as the apps do, so the demo can be started before NATS is up.
  const waiting = { log: (line: string) => process.stdout.write(`${line}\n`) };
  await (await connectToNats(options.natsUrl, 'demo-gateway-probe', waiting)).close();
  const gateway = new DemoGateway(options);
  await gateway.start();
  process.stdout.write(`demo Airwave gateway "${options.gatewayId}" publishing to ${redactUrl(options.natsUrl)} every ~${options.intervalMs} ms\n`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(exitOnStartupFailure);
