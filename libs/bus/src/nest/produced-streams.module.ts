import { DynamicModule, Module } from '@nestjs/common';
import { StreamDeclaration } from '../topology';
import { BusConnection } from './bus-connection';

/**
 * The streams an app produces into, provisioned (add-or-update) when the app starts: a stream
 * belongs to its producer, so only the producer sets its subjects, retention and replicas.
 */
@Module({})
export class ProducedStreamsModule {
  static of(owner: string, streams: readonly StreamDeclaration[]): DynamicModule {
    return {
      module: ProducedStreamsModule,
      providers: [
        {
          provide: `VIGIL_PRODUCED_STREAMS:${owner}`,
          inject: [BusConnection],
          useFactory: async (bus: BusConnection) => {
            await bus.provisionStreams(streams);
            return streams;
          },
        },
      ],
    };
  }
}
