/** Injection token for {@link BusOptions}. */
export const BUS_OPTIONS = Symbol('BUS_OPTIONS');

/** How a process reaches the bus. */
export interface BusOptions {
  url: string;
  /** See {@link BusNamespace}; empty in production unless several installations share a server. */
  namespace: string;
  /** Client name shown by `nats server report connections`, and the CloudEvents source. */
  clientName: string;
  /** Seconds to wait for NATS at start-up before giving up; undefined waits for as long as it takes. */
  startupWaitSeconds?: number;
  /** Copies JetStream keeps of each stream; 1 when unset (a single server). */
  streamReplicas?: number;
}
