import type { Incident } from '@vigil/contracts';
// Straight from the zod-free reference files: the contracts' index would bring every schema and zod itself.
import { PARTNERS } from '@vigil/contracts/reference/gazetteer';
import { CALL_SOURCES, TAXONOMY } from '@vigil/contracts/reference/taxonomy';

export { CALL_SOURCES, PARTNERS, TAXONOMY };

/** Every status of the contract with its label; a status added there fails to compile here until labelled. */
export const STATUS_LABELS: Record<Incident['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  'in-progress': 'In progress',
  closed: 'Closed',
};

/** The grades an operator may give (regradeIncidentSchema: 1–4). */
export const GRADES = [1, 2, 3, 4] as const;

/** Every town of the partnership, for the filter. */
export const TOWNS: readonly string[] = PARTNERS.flatMap((p) => p.towns).sort();
