import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  app.useStaticAssets(PUBLIC_DIR, {
    index: 'index.html',
    setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
  });
}
