import { SUBJECTS } from '@vigil/contracts';

/** A JetStream stream Vigil relies on. */
export interface StreamDeclaration {
  name: string;
  subjects: string[];
  /** How long a message is kept, in hours; null keeps it until a newer one replaces it (see maxMessagesPerSubject). */
  maxAgeHours: number | null;
  /** Messages kept per subject, the oldest dropped first: 1 makes the stream a last-value store keyed by subject. */
  maxMessagesPerSubject?: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped, in minutes. */
  duplicateWindowMinutes: number;
}

/** A durable pull consumer: one per use, shared by every replica of the app that runs it. */
export interface ConsumerDeclaration {
  durable: string;
  stream: string;
  filterSubject: string;
  /** Deliveries before a message that keeps failing transiently is dead-lettered. */
  maxDeliver: number;
  /** How long a delivered message may go unacknowledged before JetStream redelivers it (after a crash, say). */
  ackWaitSeconds: number;
  /** Messages one replica works on at once. */
  concurrency: number;
  /**
   * Where the consumer starts when it is first created: `all` reads the stream's backlog, `new`
   * only what arrives afterwards, `{ lastSeconds }` what was stored in that many seconds before
   * (a replica rebuilding in-memory state), `last-per-subject` the newest message of each subject
   * and then everything new (a projection of a last-value stream). Fixed at creation; a redeploy
   * keeps the consumer's position.
   */
  deliverPolicy: 'all' | 'new' | 'last-per-subject' | { lastSeconds: number };
  /**
   * A consumer of one replica alone (every replica reads every message): the server deletes it
   * once no replica has pulled for this long, so a replica that went away leaves nothing behind.
   */
  inactiveThresholdSeconds?: number;
}

/** Streams, one per producing domain. Provisioned add-or-update at start-up. */
export const STREAMS = {
  gateway: { name: 'GATEWAY', subjects: [SUBJECTS.gateways], maxAgeHours: 24 * 7, duplicateWindowMinutes: 60 },
  calls: { name: 'CALLS', subjects: [SUBJECTS.calls], maxAgeHours: 24 * 31, duplicateWindowMinutes: 60 },
  incidents: { name: 'INCIDENTS', subjects: [SUBJECTS.incidents], maxAgeHours: 24 * 31, duplicateWindowMinutes: 10 },
  // Faults': its tickets, the camera register's changes and Lend-A-Cam loans, read by notify and the dashboard.
  faults: { name: 'FAULTS', subjects: [SUBJECTS.faults, SUBJECTS.cameras, SUBJECTS.loans, SUBJECTS.loanWaitingList], maxAgeHours: 24 * 31, duplicateWindowMinutes: 10 },
  // Faults' too, though a VMS writes it: high volume, only state changes matter, so an hour is plenty
  // (see libs/contracts/src/payloads/camera-health.ts). Two minutes drops a VMS's resent problem signal.
  cameraHealth: { name: 'CAMERA_HEALTH', subjects: [SUBJECTS.vms.all], maxAgeHours: 1, duplicateWindowMinutes: 2 },
  // Faults' too: the register's last value per camera (register.camera.<cameraId>), one message per
  // subject and no age limit, so a projection that starts today still learns a camera registered
  // years ago, which FAULTS (31 days) has long dropped. Fed through faults' outbox like every event.
  cameraRegister: { name: 'CAMERA_REGISTER', subjects: [SUBJECTS.cameraRegister], maxAgeHours: null, maxMessagesPerSubject: 1, duplicateWindowMinutes: 10 },
  // Faults' too: its planned maintenance windows as they stand (maintenance.window.<windowId>), one
  // message per window and no age limit, so a notify deployed today learns a window planned months
  // ahead (FAULTS keeps 31 days). One small message per window ever planned; fed through faults' outbox.
  maintenanceWindows: { name: 'MAINTENANCE_WINDOWS', subjects: [SUBJECTS.maintenanceWindows], maxAgeHours: null, maxMessagesPerSubject: 1, duplicateWindowMinutes: 10 },
  // Ingest's: source supervision is ingest's judgement of its own inputs, not a fault the faults service raised.
  sources: { name: 'SOURCES', subjects: [SUBJECTS.sources], maxAgeHours: 24 * 31, duplicateWindowMinutes: 10 },
  // Notify's: what it pushed to consoles, for the dashboard to fan out to the audience's rooms. Read
  // live only (a console loads nothing from it on reconnect), so a day is plenty; ten minutes of
  // duplicate window stores a retried send (the same delivery id) once.
  notifications: { name: 'NOTIFICATIONS', subjects: [SUBJECTS.notifications], maxAgeHours: 24, duplicateWindowMinutes: 10 },
  deadLetters: { name: 'DLQ', subjects: [SUBJECTS.deadLetters], maxAgeHours: 24 * 365, duplicateWindowMinutes: 60 },
} satisfies Record<string, StreamDeclaration>;

/** Durable consumers, named for the app and the use they serve. */
export const CONSUMERS = {
  // One consumer for all of `gw.>`: JetStream 2.9 allows one filter per consumer, and one per
  // family would leave a gap where a message on an unknown family is stored but never read.
  ingestGateways: {
    durable: 'ingest-gateways',
    stream: STREAMS.gateway.name,
    filterSubject: SUBJECTS.gateways,
    maxDeliver: 8,
    // Short, because a call held by a crashed replica waits this long; handlers take milliseconds.
    ackWaitSeconds: 10,
    concurrency: 64,
    // Gateway messages stored before ingest first ran are real calls and faults: read them all.
    deliverPolicy: 'all',
  },
  ingestDeadLetters: {
    durable: 'ingest-dead-letters',
    stream: STREAMS.deadLetters.name,
    filterSubject: SUBJECTS.deadLetters,
    maxDeliver: 20,
    ackWaitSeconds: 30,
    concurrency: 8,
    // Only copies into ingest's own table, and every refusal must be visible: the whole backlog.
    deliverPolicy: 'all',
  },
  triageCalls: {
    durable: 'triage-calls',
    stream: STREAMS.calls.name,
    filterSubject: SUBJECTS.calls,
    maxDeliver: 8,
    ackWaitSeconds: 10,
    concurrency: 16,
    // Every stored call was acknowledged to its sender, so triage must see it even when ingest ran
    // before triage was first deployed; the call key keeps a re-read call from opening twice.
    // `new` is for consumers whose side effects must not replay history (notify's deliveries).
    deliverPolicy: 'all',
  },
  // Camera register changes (status going to and from faulty) for recording gaps on open incidents.
  // One filter (NATS 2.9): camera status is the one fact "down" derives from, ticket events need not be read too.
  triageCameras: {
    durable: 'triage-cameras',
    stream: STREAMS.faults.name,
    filterSubject: SUBJECTS.cameras,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 4,
    // A gap is news for incidents open now; replaying a month of camera history onto them would not be.
    deliverPolicy: 'new',
  },
  // Notify's three: incidents, fault tickets and source supervision become alerts. `new`: a first
  // deployment must not tell the police about a month of incidents it never saw; from then on the
  // consumer keeps its place across restarts, and an alert's version keeps a redelivery from counting twice.
  notifyIncidents: {
    durable: 'notify-incidents',
    stream: STREAMS.incidents.name,
    filterSubject: SUBJECTS.incidents,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 32,
    deliverPolicy: 'new',
  },
  notifyFaults: {
    durable: 'notify-faults',
    stream: STREAMS.faults.name,
    filterSubject: SUBJECTS.faults,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 16,
    deliverPolicy: 'new',
  },
  notifySources: {
    durable: 'notify-sources',
    stream: STREAMS.sources.name,
    filterSubject: SUBJECTS.sources,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 8,
    deliverPolicy: 'new',
  },
  // Faults' maintenance windows, projected into notify's table to hold back the faults they cover.
  // `all`: the stream keeps one message per window, so a new notify learns every window still to
  // come or under way (and those over, which it records without effect); versions make a replay a no-op.
  notifyMaintenanceWindows: {
    durable: 'notify-maintenance-windows',
    stream: STREAMS.maintenanceWindows.name,
    filterSubject: SUBJECTS.maintenanceWindows,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 4,
    deliverPolicy: 'all',
  },
} satisfies Record<string, ConsumerDeclaration>;

/**
 * Triage's camera places, one consumer per triage replica: each replica keeps every camera's place
 * in memory for locating calls, so each must see every register entry (a shared durable would give
 * each change to one replica only). It starts with the newest entry of every camera, whatever its
 * age, then follows changes; the server drops it once its replica is gone. Every replica also
 * upserts what it reads into triage's camera_place table (newer versions only), from which the
 * next replica to start loads its map before its first call (see apps/triage/src/camera-places).
 */
export function cameraPlacesConsumerOf(instanceId: string): ConsumerDeclaration {
  return {
    durable: `triage-camera-places-${instanceId}`,
    stream: STREAMS.cameraRegister.name,
    filterSubject: SUBJECTS.cameraRegister,
    maxDeliver: 8,
    ackWaitSeconds: 30,
    concurrency: 256,
    deliverPolicy: 'last-per-subject',
    inactiveThresholdSeconds: 300,
  };
}

/**
 * The camera health watchdog's consumer, one per faults replica: each replica keeps every camera's
 * health in memory, so each must see every signal (a shared durable would split a camera's signals
 * between replicas). It starts a few minutes back, so a new replica rebuilds the state it needs;
 * the server drops it once its replica is gone. Which replica writes a transition is decided in
 * Postgres (see apps/faults/src/health).
 */
export function cameraHealthConsumerOf(instanceId: string, lookbackSeconds: number): ConsumerDeclaration {
  return {
    durable: `faults-camera-health-${instanceId}`,
    stream: STREAMS.cameraHealth.name,
    filterSubject: SUBJECTS.vms.all,
    maxDeliver: 8,
    ackWaitSeconds: 10,
    // 1,024 unacknowledged: batches of 500 while the previous one is acked.
    concurrency: 256,
    deliverPolicy: { lastSeconds: lookbackSeconds },
    inactiveThresholdSeconds: 300,
  };
}
