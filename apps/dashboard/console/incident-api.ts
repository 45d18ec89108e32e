import type { Incident, IncidentCall, StaleIncidentResponse, TimelineEntry } from '@vigil/contracts';
import type { IncidentFilter } from './incident-filter';
import { listQuery } from './incident-filter';
import { ApiClient } from './api-client';

export { SignedOutError } from './api-client';

/** The operator commands of the contract (POST /api/incidents/:id/<command>). */
export type IncidentCommand =
  | 'acknowledge'
  | 'assign'
  | 'start'
  | 'regrade'
  | 'reclassify'
  | 'locate'
  | 'notes'
  | 'thrive'
  | 'cameras'
  | 'police-reference'
  | 'monitoring'
  | 'merge'
  | 'split'
  | 'close'
  | 'reopen';

/** What a command came to: done (with the incident when the answer carries it), refused as stale, or failed with the server's words. */
export type CommandResult =
  | { kind: 'done'; incident: Incident | null }
  | { kind: 'stale'; stale: StaleIncidentResponse }
  | { kind: 'failed'; status: number; message: string };

/** The incident calls of the page's REST client. */
export class IncidentApi extends ApiClient {
  /** Every page of incidents matching the filter (the board's snapshot, or a search). */
  async listAll(filter: IncidentFilter, board: 'open' | 'all', pageSize = 500, max = Infinity): Promise<Incident[]> {
    const found: Incident[] = [];
    for (let offset = 0; offset < max; offset += pageSize) {
      const page = await this.getJson<Incident[]>(`/api/incidents?${listQuery(filter, board, pageSize, offset)}`);
      found.push(...page);
      if (page.length < pageSize) break;
    }
    return found;
  }

  timeline(incidentId: string): Promise<TimelineEntry[]> {
    return this.getJson(`/api/incidents/${encodeURIComponent(incidentId)}/timeline`);
  }

  calls(incidentId: string): Promise<IncidentCall[]> {
    return this.getJson(`/api/incidents/${encodeURIComponent(incidentId)}/calls`);
  }

  async command(incidentId: string, command: IncidentCommand, body: object): Promise<CommandResult> {
    const result = await this.postJson(`/api/incidents/${encodeURIComponent(incidentId)}/${command}`, body);
    if (result.kind === 'conflict') return isStale(result.answer) ? { kind: 'stale', stale: result.answer } : { kind: 'failed', status: 409, message: String((result.answer as { message?: unknown } | null)?.message ?? 'conflict') };
    if (result.kind === 'failed') return result;
    return { kind: 'done', incident: isIncident(result.answer) ? result.answer : null };
  }
}

function isIncident(value: unknown): value is Incident {
  return typeof value === 'object' && value !== null && typeof (value as Incident).incidentId === 'string' && typeof (value as Incident).version === 'number';
}

function isStale(value: unknown): value is StaleIncidentResponse {
  return typeof value === 'object' && value !== null && isIncident((value as StaleIncidentResponse).current);
}
