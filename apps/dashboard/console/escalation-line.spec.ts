import { escalationLine } from './escalation-line';
import type { AlertAcknowledgement, EscalationReceiver, EscalationStatus } from './notify-types';

// UTC in the data; London in the words: 02:12 UTC in July is 03:12 BST, in January 02:12 GMT.
const july = (hhmm: string) => `2026-07-04T${hhmm}:00.000Z`;
const police: EscalationReceiver = { name: 'police', role: 'police-control-room' };
const supervisor: EscalationReceiver = { name: 'supervisor', role: 'control-room-supervisor' };
const dutyManager: EscalationReceiver = { name: 'duty-manager', role: 'control-room-supervisor' };
const northHerts: EscalationReceiver = { name: 'north-herts-duty', role: 'partner-duty-officer', partner: 'north-herts' };
const bedsPolice: EscalationReceiver = { name: 'beds-police', role: 'police-control-room' };

/** Police told at 03:12 BST; the supervisor at 03:27 unless someone acknowledges. */
const escalating: EscalationStatus = {
  policy: 'police-then-supervisor',
  phase: 'escalating',
  level: 0,
  round: 0,
  nextAt: july('02:27'),
  acknowledgedBy: null,
  told: [police],
  toldAt: july('02:12'),
  next: { level: 1, round: 0, receivers: [supervisor] },
};
const acknowledgements: AlertAcknowledgement[] = [
  { by: 'pc-1234', at: july('02:14'), via: 'console' },
  { by: 'link:supervisor', at: july('02:30'), via: 'link' },
];
const acknowledged = (by: string | null, fields: Partial<EscalationStatus> = {}): Partial<EscalationStatus> => ({ phase: 'acknowledged', acknowledgedBy: by, nextAt: july('02:44'), ...fields });

describe('escalationLine', () => {
  it.each<[string, Partial<EscalationStatus>, string]>([
    ['police told, the supervisor next', {}, 'Police control room told 03:12. Supervisor next at 03:27 unless acknowledged.'],
    ['in winter London is on UTC', { toldAt: '2026-01-04T02:12:00.000Z', nextAt: '2026-01-04T02:27:00.000Z' }, 'Police control room told 02:12. Supervisor next at 02:27 unless acknowledged.'],
    [
      'the supervisor told, both supervisors next',
      { level: 1, told: [supervisor], toldAt: july('02:27'), nextAt: july('02:37'), next: { level: 2, round: 0, receivers: [supervisor, dutyManager] } },
      'Supervisor told 03:27. Supervisor and Duty manager next at 03:37 unless acknowledged.',
    ],
    [
      'the last level told: police again next round',
      { level: 2, told: [supervisor, dutyManager], toldAt: july('02:37'), nextAt: july('02:42'), next: { level: 0, round: 1, receivers: [police] } },
      'Supervisor and Duty manager told 03:37. Police control room again at 03:42 unless acknowledged.',
    ],
    ['the second round', { round: 1, toldAt: july('02:42'), nextAt: july('02:47'), next: { level: 1, round: 1, receivers: [supervisor] } }, 'Police control room told again 03:42. Supervisor next at 03:47 unless acknowledged.'],
    ["a partner's duty officer by partner", { told: [northHerts], next: { level: 1, round: 0, receivers: [supervisor, dutyManager, police] } }, 'North Herts duty officer told 03:12. Supervisor, Duty manager and Police control room next at 03:27 unless acknowledged.'],
    ['two police control rooms told apart by name', { told: [police], next: { level: 1, round: 0, receivers: [bedsPolice] } }, 'Police control room (police) told 03:12. Police control room (beds-police) next at 03:27 unless acknowledged.'],
    ['a receiver no longer in the rules by its name', { told: [{ name: 'old-police-desk', role: null }] }, 'Old police desk told 03:12. Supervisor next at 03:27 unless acknowledged.'],
    ['no time known for the telling', { toldAt: null }, 'Police control room told. Supervisor next at 03:27 unless acknowledged.'],
    ['receivers the reader may not see', { told: [], next: { level: 1, round: 0, receivers: [] } }, 'Escalation level 1 told 03:12. Escalates further at 03:27 unless acknowledged.'],
    ['acknowledged on the console', acknowledged('pc-1234'), 'Acknowledged by pc-1234 at 03:14; escalates to Supervisor at 03:44 if not in progress by then.'],
    ['acknowledged by the signed link', acknowledged('link:supervisor', { level: 1, next: { level: 2, round: 0, receivers: [supervisor, dutyManager] } }), 'Acknowledged by supervisor (by the link in their message) at 03:30; escalates to Supervisor and Duty manager at 03:44 if not in progress by then.'],
    ['acknowledged on the incident itself: nobody named here', acknowledged(null), 'Acknowledged; escalates to Supervisor at 03:44 if not in progress by then.'],
    ['acknowledged, the next level unknown', acknowledged('pc-1234', { next: null }), 'Acknowledged by pc-1234 at 03:14; escalates again at 03:44 if not in progress by then.'],
    ['acknowledged, nothing waiting', acknowledged('pc-1234', { nextAt: null, next: null }), 'Acknowledged by pc-1234 at 03:14.'],
    ['in progress', { phase: 'in-progress', acknowledgedBy: 'pc-1234', nextAt: null, next: null }, 'In progress: escalation stopped (acknowledged by pc-1234 at 03:14).'],
    ['resolved', { phase: 'resolved', nextAt: null, next: null }, 'Resolved: escalation stopped.'],
    ['every level told, nobody acknowledged', { phase: 'exhausted', level: 2, round: 1, told: [supervisor, dutyManager], nextAt: null, next: null }, 'Escalation finished: everyone in the policy told, nobody acknowledged.'],
    ['the policy taken out of the rules', { phase: 'exhausted', told: null, nextAt: null, next: null }, 'Escalation stopped: its policy is no longer in the notification rules.'],
  ])('%s', (_case, change, line) => expect(escalationLine({ ...escalating, ...change }, acknowledgements)).toBe(line));
});
