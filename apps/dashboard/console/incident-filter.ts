import type { Incident, IncidentListQuery } from '@vigil/contracts';

/** The filters an operator sets on the board and in search, named as GET /api/incidents names them. */
export type IncidentFilter = Partial<Pick<IncidentListQuery, 'partnerId' | 'town' | 'category' | 'grade' | 'source' | 'status' | 'q'>>;

/** Whether an incident passes the filter (the live board filters what it holds; `q` matches reference and summary here). */
export function matchesFilter(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.partnerId && incident.partnerId !== filter.partnerId) return false;
  if (filter.town && incident.town !== filter.town) return false;
  if (filter.category && incident.category !== filter.category) return false;
  if (filter.grade && incident.grade !== filter.grade) return false;
  if (filter.source && incident.callSource !== filter.source) return false;
  if (filter.status && incident.status !== filter.status) return false;
  const q = filter.q?.trim().toLowerCase();
  if (q && !incident.reference.toLowerCase().includes(q) && !incident.summary.toLowerCase().includes(q)) return false;
  return true;
}

/** The query string for GET /api/incidents: the filter, the board (open or all) and a page. */
export function listQuery(filter: IncidentFilter, board: 'open' | 'all', limit: number, offset: number): string {
  const params = new URLSearchParams();
  params.set('board', board);
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}
