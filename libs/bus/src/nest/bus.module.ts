import { DynamicModule, Global, Module } from '@nestjs/common';
import { HealthRegistry } from '@vigil/observability';
import { DeadLetterer } from '../dead-letterer';
import { DependencyWaits } from '../dependency-waits';
import { EventPublisher } from '../event-publisher';
import { BusConnection } from './bus-connection';
import { BUS_OPTIONS, BusOptions } from './bus.options';

/** The bus for a Nest process: imported once by the composition root, global to every app module. */
@Global()
@Module({})
export class BusModule {
  static forRoot(options: BusOptions): DynamicModule {
    return {
      module: BusModule,
      providers: [
        { provide: BUS_OPTIONS, useValue: options },
        {
          provide: BusConnection,
          inject: [BUS_OPTIONS, HealthRegistry],
          useFactory: async (opts: BusOptions, health: HealthRegistry) => {
            const connection = new BusConnection(opts, health);
            await connection.open();
            return connection;
          },
        },
        {
          provide: EventPublisher,
          inject: [BusConnection],
          useFactory: (bus: BusConnection) => new EventPublisher(bus.js, bus.ns, `/vigil/${options.clientName}`),
        },
        { provide: DeadLetterer, inject: [EventPublisher], useFactory: (p: EventPublisher) => new DeadLetterer(p) },
        { provide: DependencyWaits, useValue: new DependencyWaits() },
      ],
      exports: [BusConnection, EventPublisher, DeadLetterer, DependencyWaits],
    };
  }
}
