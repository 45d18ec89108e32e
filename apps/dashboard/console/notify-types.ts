/**
 * Notify's REST answers as the console reads them (apps/notify owns the schemas; the console may
 * not import an app, and bundles no zod). Kept to what the screens show.
 */

/** One condition on an alert label, as apps/notify/src/domain/routing/matcher.ts defines it. */
export type Matcher = { label: string; equals: string } | { label: string; notEquals: string } | { label: string; matches: string } | { label: string; in: string[] };

/** One try at sending a delivery. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  durationMs: number;
  ok: boolean;
  status?: number;
  error?: string;
}

/** Where a delivery stands: planned, on its way, done, waiting for another try, or given up. */
export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'retrying' | 'dead-letter';

/** One message to one receiver on one channel, and every try at it. */
export interface Delivery {
  id: string;
  receiver: string;
  /** `police/webhook/0`: receiver, channel type, position. */
  channel: string;
  channelType: 'socket' | 'webhook' | 'email' | 'sms';
  reason: string;
  state: DeliveryState;
  plannedAt: string;
  deliveredAt: string | null;
  attempts: DeliveryAttempt[];
}

/** Who a receiver is, as notify's routing rules say (apps/notify/src/domain/routing/receiver.ts). */
export type ReceiverRole = 'police-control-room' | 'partner-duty-officer' | 'control-room-supervisor' | 'maintenance-contractor' | 'webhook';

/** A receiver an escalation told or will tell; `role` null when it is no longer in the rules. */
export interface EscalationReceiver {
  name: string;
  role: ReceiverRole | null;
  partner?: string;
}

/** Where an alert's escalation stands. Level 0 is the route's own receiver; level n the policy's step n. */
export interface EscalationStatus {
  policy: string;
  phase: 'escalating' | 'acknowledged' | 'in-progress' | 'resolved' | 'exhausted';
  level: number;
  round: number;
  nextAt: string | null;
  acknowledgedBy: string | null;
  /** The level last told (only receivers the reader may see); null when its policy is no longer in the rules. */
  told: EscalationReceiver[] | null;
  /** When that level was first told. */
  toldAt: string | null;
  /** Who is told at `nextAt` unless acknowledged (acknowledged: unless work starts); null when nothing waits. */
  next: { level: number; round: number; receivers: EscalationReceiver[] } | null;
}

/** Who acknowledged an alert, when, and from where. */
export interface AlertAcknowledgement {
  by: string;
  at: string;
  via: 'console' | 'link';
}

/** GET /api/notify/alerts/incident:<id>: what notify sent about one incident and where its escalation stands. */
export interface AlertNotifications {
  fingerprint: string;
  reference: string;
  status: 'firing' | 'resolved';
  handling: string;
  /** Whether the signed-in person may acknowledge it: notify's own access rule answers, so the console offers what it allows. */
  mayAcknowledge: boolean;
  escalation: EscalationStatus | null;
  acknowledgements: AlertAcknowledgement[];
  deliveries: Delivery[];
}

/** Where a silence is in its life. */
export type SilenceState = 'pending' | 'active' | 'expired';

/** One silence as GET /api/notify/silences lists it. */
export interface Silence {
  id: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  state: SilenceState;
}

/** POST /api/notify/silences. */
export interface NewSilence {
  matchers: Matcher[];
  startsAt?: string;
  endsAt: string;
  comment: string;
}

/** A refused field: `matchers[0].value`, `comment`, `rules[2].receiver`. */
export interface FieldError {
  path: string;
  message: string;
}

/** GET /api/notify/routing (and each entry of its history). */
export interface RoutingView {
  version: number;
  scope: 'whole' | 'own';
  config: RoutingConfig | null;
  changedBy: string | null;
  changedAt: string | null;
  comment: string | null;
}

/** The routing config as submitted (durations as written: `30s`, `5m`). */
export interface RoutingConfig {
  receivers?: { name: string; role: string; partner?: string; channels: ({ type: string } & Record<string, unknown>)[] }[];
  escalationPolicies?: { name: string; steps: { after: string | number; notify: string[] }[]; repeat?: number; progressTimeout: string | number }[];
  defaults?: { groupBy?: string[]; groupWait?: string | number; groupInterval?: string | number; repeatInterval?: string | number };
  root?: string;
  rules?: RoutingRule[];
}

/** One rule as submitted: what it leaves out it inherits from its parent. */
export interface RoutingRule {
  name: string;
  matchers?: Matcher[];
  receiver?: string;
  continue?: boolean;
  groupBy?: string[];
  groupWait?: string | number;
  groupInterval?: string | number;
  repeatInterval?: string | number;
  escalation?: string;
  routes?: string[];
}
