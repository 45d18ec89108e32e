import { loadHttpPort, loadPlatformConfig, PlatformConfig } from '@vigil/config';

/** Settings of ingest when it runs as its own process. */
export interface IngestConfig {
  platform: PlatformConfig;
  httpPort: number;
}

/** Parses ingest's environment once, at start-up. */
export function loadIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  return { platform: loadPlatformConfig(env), httpPort: loadHttpPort(env, 'VIGIL_INGEST_PORT', 3001) };
}
