import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import { PARTNERSHIP_ROUTING } from '../../testing/routing-fixtures';
import type { Alert } from '../alerts/alert';
import { parseRoutingConfig } from '../routing/parse-routing-config';
import { dispatchAlert } from './dispatch-alert';
import type { GroupTiming } from './group-flush';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error('fixture');
const HITCHIN = 'everything/north-herts-incidents:{partner="north-herts",town="Hitchin Town Centre"}';
const waiting = new Map<string, GroupTiming>([[HITCHIN, { createdAt: at(-10), lastFlushAt: null, flushAt: at(20) }]]);

describe('dispatchAlert', () => {
  it.each<[string, Alert, string[], [string, string, Date][], string[]]>([
    ['a theft joins the waiting Hitchin group', anAlert(), [], [[HITCHIN, 'joins-next-flush', at(20)]], []],
    ['a grade 1 goes to police at once and brings the Hitchin group forward', anAlert({ labels: { grade: '1', police: 'needed' } }), [], [['everything/police-incidents:{fingerprint="incident:a1"}', 'grade-1', NOW], [HITCHIN, 'emergency-flushes-now', NOW]], []],
    ['a TETRA emergency re-graded to 3 still skips the wait', anAlert({ tetraEmergency: true, labels: { partner: 'stevenage', police: 'needed' } }), [], [['everything/police-incidents:{fingerprint="incident:a1"}', 'tetra-emergency', NOW]], []],
    ['relocated to Royston: a new group waits, and it leaves the Hitchin one', anAlert({ labels: { town: 'Royston Town Centre' } }), [HITCHIN], [['everything/north-herts-incidents:{partner="north-herts",town="Royston Town Centre"}', 'new-group-waits', at(30)]], [HITCHIN]],
  ])('%s', (_case, alert, memberOf, joins, leaves) => {
    const dispatch = dispatchAlert(alert, parsed.tree, waiting, memberOf, NOW);
    expect(dispatch.joins.map((join) => [join.groupKey, join.decision.reason, join.decision.group.flushAt])).toEqual(joins);
    expect(dispatch.leaves).toEqual(leaves);
  });
});
