import { decideGrouping, DEFAULT_OUTAGE_GROUPING, GroupingDecision, OutageGroup } from './outage-grouping';

const policy = DEFAULT_OUTAGE_GROUPING; // 2 min window, 5 cameras or half the group
const s = 1_000;
const site = (cameraCount: number, downAts: number[], openParentTicketId: string | null = null): OutageGroup => ({
  kind: 'site',
  id: 'hitchin-market',
  cameraCount,
  openParentTicketId,
  downCameras: downAts.map((downAt, i) => ({ cameraId: `C${i + 1}`, downAt })),
});
const network = (downAts: number[], openParentTicketId: string | null = null): OutageGroup => ({ ...site(200, downAts, openParentTicketId), kind: 'network', id: 'fibre-ring-2' });

describe('decideGrouping', () => {
  it.each<[string, OutageGroup[], string, GroupingDecision['kind'], GroupingDecision['reason'], string[] | null]>([
    ['a camera with no site or segment is alone', [], 'X', 'open-alone', 'no-group', null],
    ['the first camera of a big site is alone', [site(40, [])], 'X', 'open-alone', 'below-threshold', null],
    ['four of forty down is still four faults', [site(40, [0, 1 * s, 2 * s])], 'X', 'open-alone', 'below-threshold', null],
    ['the fifth of forty within the window opens the outage, absorbing the four', [site(40, [0, 1 * s, 2 * s, 3 * s])], 'X', 'open-parent', 'count-threshold', ['C1', 'C2', 'C3', 'C4']],
    ['cameras down outside the window do not count', [site(40, [-300 * s, 1 * s, 2 * s, 3 * s])], 'X', 'open-alone', 'below-threshold', null],
    ['two of a three-camera site is half or more', [site(3, [10 * s])], 'X', 'open-parent', 'share-threshold', ['C1']],
    ['one camera alone is never a share', [site(1, [])], 'X', 'open-alone', 'below-threshold', null],
    ['a camera already counted is not counted twice', [site(3, [10 * s])], 'C1', 'open-alone', 'below-threshold', null],
    ['an open outage ticket takes every later camera', [site(40, [], 'T-site')], 'X', 'join-parent', 'outage-ticket-open', null],
    ['the network segment is tried before the site', [network([0, 1 * s, 2 * s, 3 * s]), site(3, [10 * s])], 'X', 'open-parent', 'count-threshold', ['C1', 'C2', 'C3', 'C4']],
    ['a segment outage already open wins over a site threshold', [network([], 'T-net'), site(3, [10 * s])], 'X', 'join-parent', 'outage-ticket-open', null],
    ['the site groups when the segment does not', [network([5 * s]), site(3, [10 * s])], 'X', 'open-parent', 'share-threshold', ['C1']],
  ])('%s', (_what, groups, cameraId, kind, reason, absorb) => {
    const decision = decideGrouping(groups, cameraId, 30 * s, policy);
    expect(decision).toMatchObject({ kind, reason });
    if (absorb !== null) expect(decision.kind === 'open-parent' && decision.absorb).toEqual(absorb);
  });

  it('turns a site outage of forty cameras into one grouped ticket and at most four absorbed ones', () => {
    let group = site(40, []);
    const decisions: GroupingDecision['kind'][] = [];
    for (let i = 0; i < 40; i += 1) {
      const decision = decideGrouping([group], `CAM${i}`, i * 100, policy);
      decisions.push(decision.kind);
      if (decision.kind === 'open-alone') group = { ...group, downCameras: [...group.downCameras, { cameraId: `CAM${i}`, downAt: i * 100 }] };
      if (decision.kind === 'open-parent') group = { ...group, openParentTicketId: 'T-site', downCameras: [] };
    }
    expect(decisions.filter((k) => k === 'open-parent')).toHaveLength(1);
    expect(decisions.filter((k) => k === 'open-alone')).toHaveLength(4);
    expect(decisions.filter((k) => k === 'join-parent')).toHaveLength(35);
  });
});
