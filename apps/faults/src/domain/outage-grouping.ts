/** When many cameras of one site or network segment down together are one outage. */
export interface OutageGroupingPolicy {
  /** Cameras whose faults opened within this window of each other count together. */
  windowMs: number;
  /** This many cameras down together is an outage, whatever the group's size… */
  minCameras: number;
  /** …or this share of the group's cameras (0..1), with at least two down. */
  minShare: number;
}

/**
 * Assumed defaults: a switch or cabinet failing takes its cameras within seconds of each other
 * (they then confirm together after the debounce), so two minutes is generous; five cameras, or
 * half of a small site, is more than coincidence.
 */
export const DEFAULT_OUTAGE_GROUPING: OutageGroupingPolicy = { windowMs: 120_000, minCameras: 5, minShare: 0.5 };

/** A site or network segment as grouping needs it. */
export interface OutageGroup {
  kind: 'site' | 'network';
  id: string;
  /** Cameras of the group in the register that are not decommissioned. */
  cameraCount: number;
  /** The group's open grouped ticket, if an outage of it is already being worked. */
  openParentTicketId: string | null;
  /** The group's cameras with an open fault of their own (standalone ticket), and when each went down. */
  downCameras: readonly { cameraId: string; downAt: number }[];
}

/** What to do with a camera that just went down; the reason is a log field and a metric label. */
export type GroupingDecision =
  | { kind: 'join-parent'; group: OutageGroup; parentTicketId: string; reason: 'outage-ticket-open' }
  | { kind: 'open-parent'; group: OutageGroup; absorb: string[]; reason: 'count-threshold' | 'share-threshold' }
  | { kind: 'open-alone'; reason: 'below-threshold' | 'no-group' };

/**
 * Decides whether a camera that went down at `downAt` joins an outage, starts one, or is a fault of
 * its own. Groups are tried in the order given (network segment before site: the wider cause
 * first). Starting an outage absorbs the group's cameras that went down inside the window, whose
 * standalone tickets then move under the one grouped ticket: the contractor sees one ticket.
 */
export function decideGrouping(groups: readonly OutageGroup[], cameraId: string, downAt: number, policy: OutageGroupingPolicy): GroupingDecision {
  if (groups.length === 0) return { kind: 'open-alone', reason: 'no-group' };
  for (const group of groups) {
    if (group.openParentTicketId !== null) return { kind: 'join-parent', group, parentTicketId: group.openParentTicketId, reason: 'outage-ticket-open' };
  }
  for (const group of groups) {
    const absorb = group.downCameras.filter((c) => c.cameraId !== cameraId && Math.abs(downAt - c.downAt) <= policy.windowMs).map((c) => c.cameraId);
    const down = absorb.length + 1;
    if (down >= policy.minCameras) return { kind: 'open-parent', group, absorb, reason: 'count-threshold' };
    if (down >= 2 && group.cameraCount > 0 && down / group.cameraCount >= policy.minShare) return { kind: 'open-parent', group, absorb, reason: 'share-threshold' };
  }
  return { kind: 'open-alone', reason: 'below-threshold' };
}
