import type { OnApplicationShutdown } from '@nestjs/common';
import type { Channel } from '../channels/channel';
import type { ChannelConfig, DeliveryResult } from '../domain';

interface Closable {
  close(): Promise<void> | void;
}

/** Injection token of the {@link ChannelRegistry}. */
export const CHANNEL_REGISTRY = Symbol('CHANNEL_REGISTRY');

/** The channels this notify can send on; a type it lacks (no SMTP server configured, say) is reported, not guessed. */
export class ChannelRegistry implements OnApplicationShutdown {
  private readonly byType = new Map<string, Channel>();

  constructor(channels: readonly Channel[]) {
    for (const channel of channels) this.byType.set(channel.type, channel);
  }

  /** Closes what channels hold open (the SMTP connection pool). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.byType.values()].map((channel) => (channel as Partial<Closable>).close?.()));
  }

  get(type: ChannelConfig['type']): Channel | undefined {
    return this.byType.get(type);
  }

  /** The same failure on every attempt until someone configures it: a dead letter that says what is missing. */
  static unavailable(type: ChannelConfig['type']): DeliveryResult {
    return { ok: false, recoverable: false, message: `the ${type} channel is not configured on this notify (see README, Notify: channels)` };
  }
}
