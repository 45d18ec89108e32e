import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '@vigil/observability';
import { configureHttp } from './configure-http';
import { demoBanner } from './demo-banner';
import { PlatformConfig } from './platform.config';

/** Creates a Nest HTTP app with Vigil's logger, headers and shutdown hooks; warns in demo mode. */
export async function createVigilApp(
  rootModule: unknown,
  config: PlatformConfig,
  appName: string,
): Promise<{ app: NestExpressApplication; logger: LoggerService }> {
  const banner = demoBanner(config);
  if (banner) process.stdout.write(banner);
  const logger = new JsonLogger({ level: config.logLevel, pretty: config.logPretty, app: appName });
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, { logger, abortOnError: false, bodyParser: false });
  configureHttp(app, config);
  return { app, logger };
}

/** Prints why the process cannot start and exits non-zero, without a stack trace for known causes. */
export function exitOnStartupFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nVigil failed to start: ${message}\n`);
  process.exit(1);
}
