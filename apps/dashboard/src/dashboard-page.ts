import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

// The web UI sits beside src/ in the repo and is not copied by tsc: find it from source or from dist/.
const PUBLIC_DIR = [join(__dirname, '..', 'public'), join(__dirname, '..', '..', '..', '..', 'apps', 'dashboard', 'public')].find(
  (dir) => existsSync(join(dir, 'index.html')),
);

/**
 * Serves the dashboard's page and its assets at `/`. Called by each composition root after
 * configureHttp, so the security headers are already on every response. `no-cache`: browsers
 * revalidate, so a new page reaches a control room without a hard reload.
 */
export function serveDashboardPage(app: NestExpressApplication): void {
  if (!PUBLIC_DIR) throw new Error('dashboard assets not found: apps/dashboard/public is missing');
  // The console is bundled by `npm run build` (scripts/build-console.ts); without it the page is an empty shell.
  if (!existsSync(join(PUBLIC_DIR, 'app.js'))) new Logger('DashboardPage').warn({ msg: 'operator console not built: run npm run build', missing: join(PUBLIC_DIR, 'app.js') });
  app.useStaticAssets(PUBLIC_DIR, {
    index: 'index.html',
    setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
  });
}
