import type { EmailChannelOptions } from './channels/email';
import type { SmsChannelOptions } from './channels/sms';

/** Injection token for {@link NotifyOptions}. */
export const NOTIFY_OPTIONS = Symbol('NOTIFY_OPTIONS');

/** What the notify module needs, whichever process it runs in. */
export interface NotifyOptions {
  databaseUrl: string;
  /** The routing file, already validated: the first version of the rules when none is stored yet. */
  routingFile?: RoutingFile;
  /** How often this replica looks for rules another replica recorded; 5 s when absent. */
  routingRefreshMs?: number;
  /** Where people reach Vigil and the key that signs acknowledgement links; without them messages carry no link. */
  acknowledgeLinks?: { publicUrl: string; secret: string };
  channels?: NotifyChannelOptions;
  /** How often this replica looks for due group flushes and sends; 1 s when absent. */
  duePollMs?: number;
}

/** What the channels need from the environment. */
export interface NotifyChannelOptions {
  /** Webhook secrets by the variable name a receiver's `secretRef` gives (only variables named `…WEBHOOK_SECRET`). */
  webhookSecrets: Readonly<Record<string, string>>;
  webhookTimeoutMs?: number;
  /** E-mail over SMTP; absent, e-mail deliveries are dead letters that say so. */
  email?: EmailChannelOptions;
  /** The SMS/pager gateway; absent, likewise. */
  sms?: SmsChannelOptions;
}

/** A routing file as read (not parsed: it is stored as written, durations and all). */
export interface RoutingFile {
  path: string;
  content: unknown;
}
