/**
 * # notify's domain
 *
 * Pure decisions and types: no NATS, HTTP, Postgres or clock of its own (`npm run lint:boundaries`
 * keeps it so). Every decision takes its inputs and `now`, and returns what to do with a named
 * reason that becomes a log field and a metric label. Adapters (consumers, timers, channels, the
 * notification log's table) come around it and do the effects.
 *
 * ## From an event to a delivery
 * 1. **Alert** (`alerts/`): an incident, fault ticket or source supervision event becomes the newer
 *    state of one alert per real thing (fingerprint), with labels to route on, firing or resolved,
 *    the handling escalation watches, and whether the change is news (`notable`, `notice`). Events
 *    not newer than the alert held are dropped by version.
 * 2. **Dispatch** (`routing/`, `grouping/`): rules are data, accepted only whole by
 *    `parseRoutingConfig` (schema, references, cycles, and tenancy: a partner's duty officer hears
 *    only that partner, the contractor only faults). `routeAlert` walks the rule tree (first match, or on
 *    with `continue`); the alert joins the group of each matched route (`groupKeyOf`) and
 *    `onAlertJoined` sets when the group goes out: after `groupWait` for a new group, at once for
 *    an emergency (grade 1, TETRA emergency); then `decideFlush` every `groupInterval`.
 * 3. **Pipeline** (`pipeline/`, assembled by `buildNotifyPipeline`), on each flushed group:
 *    mute by maintenance window → inhibition → silence (one `Muter` shape; emergencies are never
 *    muted) → fan out to the receiver's channels → de-duplicate each channel against its
 *    notification log entry (`needsUpdate`: first, new alerts, changed alerts, resolved, repeat
 *    interval) → planned deliveries, each with the log entry to record once sent.
 * 4. **Retry** (`retry/`): after each attempt the channel classifies its own failure
 *    (recoverable or not, Retry-After) and `decideRetry` says done, retry after a delay, or dead letter.
 * 5. **Escalation** (`escalation/`): once the route's receiver was told, `startEscalation` and
 *    `decideEscalation` walk the policy's levels on their timer until acknowledged, progressed or
 *    resolved; each level it tells goes through the same pipeline, keyed per step.
 * 6. **Silence expiry** (`mute/silence-expiry.ts`): a reminder before a silence ends; at its end,
 *    what it held back goes at once if still firing and nothing else holds it.
 * 7. **Maintenance windows** (`mute/maintenance-*.ts`): faults' planned works, kept at their newest
 *    version, mute the faults their scope covers (`maintenanceMatchers`); at their end or
 *    cancellation what they held goes at once, as a silence's does (`windowEndStep`).
 */
export * from './alerts/alert';
export * from './alerts/alert-update';
export * from './alerts/emergency';
export * from './alerts/fault-alert';
export * from './alerts/fingerprint';
export * from './alerts/incident-alert';
export * from './alerts/police-need';
export * from './alerts/supervision-alert';
export * from './routing/config-error';
export * from './routing/matcher';
export * from './routing/parse-routing-config';
export * from './routing/receiver';
export * from './routing/route-alert';
export * from './routing/routing-config.schema';
export * from './routing/routing-tree';
export * from './grouping/dispatch-alert';
export * from './grouping/group-flush';
export * from './grouping/group-key';
export * from './mute/inhibition';
export * from './mute/maintenance-window';
export * from './mute/maintenance-scope';
export * from './mute/maintenance-window-record';
export * from './mute/mute-alert';
export * from './mute/muter';
export * from './mute/silence';
export * from './mute/silence-expiry';
export * from './dedup/needs-update';
export * from './dedup/notification-log-entry';
export * from './retry/delivery-result';
export * from './retry/http-failure';
export * from './retry/retry-decision';
export * from './escalation/decide-escalation';
export * from './escalation/escalation-levels';
export * from './escalation/escalation-notice-key';
export * from './escalation/escalation-state';
export * from './pipeline/escalation-notification';
export * from './pipeline/notify-pipeline';
export * from './pipeline/planned-delivery';
export * from './pipeline/stage';
export * from './pipeline/stage-context';
