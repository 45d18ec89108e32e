import { JetStreamManager } from 'nats';
import { StartupWait, waitForDependency } from '@vigil/observability';

/**
 * Resolves once the stream exists. Each stream is provisioned by the app that produces into it, so
 * an app reading another's stream waits, saying which stream and who makes it, rather than failing
 * because it happened to start first.
 */
export async function waitForStream(jsm: JetStreamManager, stream: string, wait: StartupWait): Promise<void> {
  await waitForDependency(
    { name: `stream ${stream}`, address: 'provisioned by the app that produces into it' },
    () => jsm.streams.info(stream),
    wait,
  );
}
