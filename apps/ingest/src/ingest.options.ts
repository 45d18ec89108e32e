/** Injection token for {@link IngestOptions}. */
export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');

/** What the ingest module needs, whichever process it runs in. */
export interface IngestOptions {
  databaseUrl: string;
  dc09: {
    host: string;
    /** null turns the transport off; 0 picks a free port (tests). */
    tcpPort: number | null;
    udpPort: number | null;
    /** Some panels hang on DUH: `ack-and-flag` acknowledges unknown codes and flags them for an operator. */
    unknownCodePolicy: 'duh' | 'ack-and-flag';
    /** How often silent alarm paths are looked for. */
    supervisionCheckMs: number;
    /** A TCP connection silent this long is closed. */
    idleTimeoutSeconds: number;
    /** The same transmission heard again within this is a resend (one call); after it, a new signal. */
    resendWindowSeconds: number;
    /** How long a replica trusts an account it read; changes made through this process apply at once. */
    accountCacheSeconds: number;
  };
  /** How often gateways promise a heartbeat. */
  gatewayHeartbeatSeconds: number;
  /** How often gateway supervision runs and last-heard times are saved. */
  supervisionTickMs: number;
  /** Per-gateway secrets for the HTTP intake: gateway id → shared secret. */
  gatewaySecrets: Record<string, string>;
}
