import { Module } from '@nestjs/common';
import { createVigilApp, exitOnStartupFailure, PlatformModule } from '@vigil/config';
import { loadDashboardConfig } from './dashboard.config';
import { DashboardModule } from './dashboard.module';
import { SignInModule } from './sign-in/sign-in.module';

async function main(): Promise<void> {
  const config = loadDashboardConfig();

  @Module({ imports: [PlatformModule.forRoot(config.platform, 'dashboard'), DashboardModule, SignInModule.register(config.signIn)] })
  class DashboardAppModule {}

  const { app, logger } = await createVigilApp(DashboardAppModule, config.platform, 'dashboard');
  await app.listen(config.httpPort, '0.0.0.0');
  const { port } = app.getHttpServer().address() as { port: number };
  logger.log({ msg: 'dashboard listening', url: `http://localhost:${port}/` });
}

main().catch(exitOnStartupFailure);
