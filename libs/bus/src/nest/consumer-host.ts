import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { HealthRegistry } from '@vigil/observability';
import { ConsumerRunner, MessageHandler } from '../consumer-runner';
import { DeadLetterer } from '../dead-letterer';
import { DependencyWaits } from '../dependency-waits';
import { BusConnection } from './bus-connection';
import { ON_MESSAGE, OnMessageMetadata } from './on-message.decorator';

/** Finds every `@OnMessage` method once the app is wired, and runs a consumer for each. */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Consumers');
  private readonly runners: ConsumerRunner[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly bus: BusConnection,
    private readonly deadLetterer: DeadLetterer,
    private readonly waits: DependencyWaits,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Not ready while consumers hold messages for a dependency: say which one, and who waits.
    this.health.register('consumers', async () => {
      const waiting = this.waits.current();
      const detail = waiting.map((w) => `waiting for ${w.dependency}: ${w.consumers.join(', ')} (${w.reason})`).join('; ');
      return { name: 'consumers', up: waiting.length === 0, ...(detail ? { detail } : {}) };
    });
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const meta = this.reflector.get<OnMessageMetadata>(ON_MESSAGE, instance[method] as () => unknown);
        if (meta) await this.startRunner(meta, (instance[method] as MessageHandler['handle']).bind(instance));
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  private async startRunner(meta: OnMessageMetadata, handle: MessageHandler['handle']): Promise<void> {
    const log = {
      warn: (fields: Record<string, unknown>) => this.logger.warn(fields),
      error: (fields: Record<string, unknown>) => this.logger.error(fields),
    };
    const handler = { decode: meta.decode, handle } as MessageHandler;
    const runner = new ConsumerRunner(this.bus.js, this.bus.ns, meta.consumer, handler, this.deadLetterer, log, {
      serverVersion: () => this.bus.nc.info?.version,
      waits: this.waits,
    });
    await runner.start();
    this.runners.push(runner);
    this.logger.log({ msg: 'consuming', consumer: meta.consumer.durable, subject: meta.consumer.filterSubject });
  }
}
