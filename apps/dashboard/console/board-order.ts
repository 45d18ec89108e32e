import type { Incident } from '@vigil/contracts';

/** The open board: every incident that is not closed, most urgent grade first, then longest waiting. */
export function openBoard(incidents: readonly Incident[]): Incident[] {
  return incidents.filter((i) => i.status !== 'closed').sort(byGradeThenWaiting);
}

/** Grade 1 before 2 …; within a grade, the one opened earliest (waiting longest) first. */
export function byGradeThenWaiting(a: Incident, b: Incident): number {
  return a.grade - b.grade || Date.parse(a.openedAt) - Date.parse(b.openedAt) || a.reference.localeCompare(b.reference);
}

/** Splits the board into the pinned grade-1 section and the rest. */
export function pinGradeOne(board: readonly Incident[]): { pinned: Incident[]; routine: Incident[] } {
  return { pinned: board.filter((i) => i.grade === 1), routine: board.filter((i) => i.grade !== 1) };
}

/** "4m 05s", "1h 02m", "2d 3h": how long, at a glance. */
export function formatWaited(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/** Whether the grade's target time has run out on an incident still open. */
export function isOverdue(incident: Pick<Incident, 'respondBy' | 'status'>, now: number): boolean {
  return incident.status !== 'closed' && incident.respondBy !== null && Date.parse(incident.respondBy) < now;
}
