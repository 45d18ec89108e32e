import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ConsumerRunner, MessageHandler } from '../consumer-runner';
import { DeadLetterer } from '../dead-letterer';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
    const runner = new ConsumerRunner(this.bus.js, this.bus.ns, meta.consumer, handler, this.deadLetterer, log);
    await runner.start();
    this.runners.push(runner);
    this.logger.log({ msg: 'consuming', consumer: meta.consumer.durable, subject: meta.consumer.filterSubject });
  }
}
