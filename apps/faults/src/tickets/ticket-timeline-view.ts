import { readsEngineerReports, TicketAudience, TimelineEntry } from '@vigil/contracts';
import { TicketTimelineEntryEntity } from './ticket-timeline-entry.entity';

/** A ticket's timeline entry as `audience` reads it: the engineer's report a `fixed` entry keeps goes only to those who read reports. */
export function timelineEntryFor(audience: TicketAudience, entry: TicketTimelineEntryEntity): TimelineEntry {
  const { report: _report, ...withoutReport } = entry.detail as Record<string, unknown>;
  const detail = readsEngineerReports(audience) ? entry.detail : withoutReport;
  return { at: entry.at.toISOString(), kind: entry.kind, actor: entry.actor, reason: entry.reason, version: entry.version, detail } as TimelineEntry;
}
