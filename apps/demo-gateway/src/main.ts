import { exitOnStartupFailure } from '@vigil/config';
import { redactUrl } from '@vigil/observability';
import { connectToNats } from '@vigil/bus';
import { DemoGateway } from './demo-gateway';
import { loadDemoGatewayConfig } from './demo-gateway.config';

async function main(): Promise<void> {
  const options = loadDemoGatewayConfig();
  // Probe first so an unreachable NATS gives the same clear message the apps give.
  await (await connectToNats(options.natsUrl, 'demo-gateway-probe')).close();
  const gateway = new DemoGateway(options);
  await gateway.start();
  process.stdout.write(`demo Airwave gateway "${options.gatewayId}" publishing to ${redactUrl(options.natsUrl)} every ~${options.intervalMs} ms\n`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(exitOnStartupFailure);
