import type { Incident } from '@vigil/contracts';

/** One field that differs between the version an operator saw and the current one. */
export interface FieldChange {
  field: keyof Incident;
  label: string;
  seen: string;
  current: string;
}

// What an operator reads in a conflict; bookkeeping fields (version, updatedAt, lastCallAt) say nothing to them.
const LABELS: Partial<Record<keyof Incident, string>> = {
  status: 'Status',
  assignee: 'Assigned to',
  grade: 'Grade',
  category: 'Category',
  subcategory: 'Subcategory',
  placement: 'Placement',
  partnerId: 'Partner',
  town: 'Town',
  clientName: 'Client',
  policeReference: 'Police reference',
  cameras: 'Cameras',
  thrive: 'THRIVE',
  monitoring: 'Monitoring',
  outcome: 'Outcome',
  callCount: 'Calls',
  respondBy: 'Respond by',
  closedAt: 'Closed at',
  mergedInto: 'Merged into',
  summary: 'Summary',
};

/** The fields a conflicting edit should show: what another change did between `seen` and `current`. */
export function diffIncident(seen: Incident, current: Incident): FieldChange[] {
  return (Object.keys(LABELS) as (keyof Incident)[])
    .map((field) => ({ field, label: LABELS[field]!, seen: show(seen[field]), current: show(current[field]) }))
    .filter((change) => change.seen !== change.current);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== '' && v !== null && v !== false)
      .map(([k, v]) => (v === true ? k : `${k}: ${show(v)}`))
      .join('; ');
  }
  return String(value);
}
