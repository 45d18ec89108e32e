import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

// The web UI sits beside src/ in the repo and is not copied by tsc: find it from source or from dist/.
const PUBLIC_DIR = [join(__dirname, '..', 'public'), join(__dirname, '..', '..', '..', '..', 'apps', 'dashboard', 'public')].find(
  (dir) => existsSync(join(dir, 'index.html')),
);

/** Serves the dashboard's page and its assets. */
@Controller()
export class StaticController {
  @Get()
  index(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  @Get('app.js')
  script(@Res() response: Response): void {
    this.send(response, 'app.js');
  }

  @Get('sign-in.js')
  signIn(@Res() response: Response): void {
    this.send(response, 'sign-in.js');
  }

  @Get('app.css')
  styles(@Res() response: Response): void {
    this.send(response, 'app.css');
  }

  private send(response: Response, file: string): void {
    if (!PUBLIC_DIR) {
      response.status(500).send('dashboard assets not found: apps/dashboard/public is missing');
      return;
    }
    response.sendFile(join(PUBLIC_DIR, file), { headers: { 'Cache-Control': 'no-cache' } });
  }
}
