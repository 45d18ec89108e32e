import { INestApplication } from '@nestjs/common';
import { CustomStrategy } from '@nestjs/microservices';
import { HealthRegistry } from '@vigil/observability';
import { DeadLetterer } from '../dead-letterer';
import { DependencyWaits } from '../dependency-waits';
import { BusConnection } from '../nest/bus-connection';
import { JetStreamServer } from './jetstream.server';

/**
 * Connects the JetStream transport to an initialised app (sharing its NATS connection and its
 * global pipes, guards and interceptors) and starts its consumers; `app.close()` stops them.
 */
export async function startConsumers(app: INestApplication): Promise<void> {
  const strategy = new JetStreamServer({
    bus: app.get(BusConnection),
    deadLetterer: app.get(DeadLetterer),
    waits: app.get(DependencyWaits),
    health: app.get(HealthRegistry),
  });
  app.connectMicroservice<CustomStrategy>({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
