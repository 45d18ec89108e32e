import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import { PARTNERSHIP_ROUTING } from '../../testing/routing-fixtures';
import type { Alert } from '../alerts/alert';
import { entryAfterSend } from '../dedup/notification-log-entry';
import { decideEscalation } from '../escalation/decide-escalation';
import type { EscalationState } from '../escalation/escalation-state';
import { SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS } from '../mute/inhibition';
import type { Silence } from '../mute/silence';
import { groupKeyOf } from '../grouping/group-key';
import { parseRoutingConfig } from '../routing/parse-routing-config';
import { routeAlert } from '../routing/route-alert';
import { escalationNotifications } from './escalation-notification';
import { buildNotifyPipeline, runNotifyPipeline } from './notify-pipeline';
import { StageInputs, stageContext } from './stage-context';
import type { Notification } from './stage';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error('fixture');
const { tree } = parsed;
const pipeline = buildNotifyPipeline();

const hitchinSilence: Silence = { id: 'sil-1', matchers: [{ label: 'town', equals: 'Hitchin Town Centre' }], startsAt: at(-600), endsAt: at(600), createdBy: 'supervisor-jo', comment: 'Market day' };
const nothing: StageInputs = { now: NOW, maintenanceWindows: [], inhibitionRules: [SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS], firingAlerts: [], silences: [], logEntries: [] };

/** The flushed group of the alert's first route, as the dispatcher would hand it over. */
function flushOf(alerts: Alert[]): Notification {
  const [route] = routeAlert(alerts[0], tree);
  return { groupKey: groupKeyOf(alerts[0], route), route, alerts, channel: null, reason: null };
}

const theft = anAlert({ fingerprint: 'incident:theft' });
const assault = anAlert({ fingerprint: 'incident:assault', labels: { category: 'Assault' } });
const grade1 = anAlert({ fingerprint: 'incident:g1', labels: { grade: '1', police: 'needed' } });
const cameraFault = anAlert({ fingerprint: 'fault:cam', labels: { kind: 'fault', grade: undefined, scope: 'camera', site: 'hitchin-market', severity: 'standard' } });
const siteOutage = anAlert({ fingerprint: 'fault:site', labels: { kind: 'fault', grade: undefined, scope: 'site', site: 'hitchin-market', severity: 'standard' } });

describe('the notify pipeline', () => {
  it.each<[string, Alert[], Partial<StageInputs>, string[], string[]]>([
    ['a new incident goes to each channel of the duty officer', [theft], {}, ['north-herts-duty/email/0:first-notification:incident:theft', 'north-herts-duty/sms/1:first-notification:incident:theft'], []],
    ['a silenced incident sends nothing', [theft], { silences: [hitchinSilence] }, [], ['silence:silenced:incident:theft:sil-1']],
    ['a grade 1 under the same silence goes to the police', [grade1], { silences: [hitchinSilence] }, ['police/webhook/0:first-notification:incident:g1', 'police/socket/1:first-notification:incident:g1'], []],
    ['a camera fault under a site outage sends nothing', [cameraFault], { firingAlerts: [siteOutage, cameraFault] }, [], ['inhibition:inhibited:fault:cam:site-outage-suppresses-camera-faults:fault:site']],
    ['a camera fault in maintenance sends nothing', [cameraFault], { maintenanceWindows: [{ id: 'mw-1', matchers: [{ label: 'site', equals: 'hitchin-market' }], startsAt: at(-60), endsAt: at(60), reason: 'Column replacement' }] }, [], ['maintenance:in-maintenance:fault:cam:mw-1']],
    ['a channel already told is not told again', [theft], { logEntries: [entryAfterSend('everything/north-herts-incidents:{partner="north-herts",town="Hitchin Town Centre"}', 'north-herts-duty/email/0', [theft], at(-60))] }, ['north-herts-duty/sms/1:first-notification:incident:theft'], ['dedup:already-notified:north-herts-duty/email/0']],
  ])('%s', (_case, alerts, inputs, delivered, held) => {
    const outcome = runNotifyPipeline(pipeline, flushOf(alerts), stageContext({ ...nothing, ...inputs }));
    expect(outcome.deliveries.map((d) => `${d.channel.key}:${d.reason}:${d.alerts.map((a) => a.fingerprint).join(',')}`)).toEqual(delivered);
    expect(outcome.held.map((h) => [h.stage, h.reason, h.fingerprint ?? h.channel, h.by].filter(Boolean).join(':'))).toEqual(held);
  });

  it('sends the part of a group that is not silenced', () => {
    const silenceAssaults: Silence = { ...hitchinSilence, matchers: [{ label: 'category', equals: 'Assault' }] };
    const outcome = runNotifyPipeline(pipeline, flushOf([theft, assault]), stageContext({ ...nothing, silences: [silenceAssaults] }));
    expect(outcome.deliveries.map((d) => d.alerts.map((a) => a.fingerprint))).toEqual([['incident:theft'], ['incident:theft']]);
    expect(outcome.held).toEqual([{ stage: 'silence', reason: 'silenced', fingerprint: 'incident:assault', by: 'sil-1' }]);
  });

  it('tells every channel that all is resolved, with no alerts for a channel not told of resolutions, and records it', () => {
    const supervisorFlush = flushOf([anAlert({ fingerprint: 'incident:x', labels: { partner: 'stevenage' } })]);
    const told = supervisorFlush.route.receiver.channels.map((_, i) => entryAfterSend(supervisorFlush.groupKey, i === 0 ? 'supervisor/socket/0' : 'supervisor/sms/1', supervisorFlush.alerts, at(-60)));
    const resolved = { ...supervisorFlush, alerts: [{ ...supervisorFlush.alerts[0], status: 'resolved' as const }] };
    const outcome = runNotifyPipeline(pipeline, resolved, stageContext({ ...nothing, logEntries: told }));
    expect(outcome.deliveries.map((d) => [d.channel.key, d.reason, d.alerts.length, d.logEntry.firing])).toEqual([
      ['supervisor/socket/0', 'all-resolved', 1, {}],
      ['supervisor/sms/1', 'all-resolved', 0, {}],
    ]);
  });

  it('sends an escalation step once, even when a restarted replica replays it', () => {
    const police = routeAlert(grade1, tree)[0];
    const state: EscalationState = { fingerprint: grade1.fingerprint, policy: 'police-then-supervisor', firstLevel: 'police', phase: 'escalating', level: 0, round: 0, wakeAt: NOW, version: 1, lifeVersion: 1, acknowledgedBy: null };
    const decision = decideEscalation(state, { type: 'due' }, police.escalation!, NOW);
    const [toSupervisor] = escalationNotifications({ ...decision, state: decision.state! }, grade1, tree);
    const first = runNotifyPipeline(pipeline, toSupervisor, stageContext(nothing));
    expect(first.deliveries.map((d) => [d.receiver, d.channel.key, d.reason])).toEqual([
      ['supervisor', 'supervisor/socket/0', 'first-notification'],
      ['supervisor', 'supervisor/sms/1', 'first-notification'],
    ]);
    const replay = runNotifyPipeline(pipeline, toSupervisor, stageContext({ ...nothing, now: at(3600 * 24), logEntries: first.deliveries.map((d) => d.logEntry) }));
    expect(replay.deliveries).toEqual([]);
    expect(replay.held.map((h) => h.reason)).toEqual(['already-notified', 'already-notified']);
  });
});
