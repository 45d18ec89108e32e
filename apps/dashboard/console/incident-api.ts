import type { Incident, IncidentCall, StaleIncidentResponse, TimelineEntry } from '@vigil/contracts';
import type { IncidentFilter } from './incident-filter';
import { listQuery } from './incident-filter';

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

/** Raised when Vigil no longer accepts the token: the page signs out. */
export class SignedOutError extends Error {}

/** The page's REST client: the bearer token on every call, 401 meaning the session is over. */
export class IncidentApi {
  constructor(
    private readonly token: string,
    private readonly onUnauthorised: (reason: string) => void,
  ) {}

  async getJson<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: this.headers() });
    this.checkSession(response);
    if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
    return (await response.json()) as T;
  }

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
    let response: Response;
    try {
      response = await fetch(`/api/incidents/${encodeURIComponent(incidentId)}/${command}`, {
        method: 'POST',
        headers: { ...this.headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      return { kind: 'failed', status: 0, message: 'cannot reach Vigil' };
    }
    this.checkSession(response);
    const answer = (await response.json().catch(() => null)) as unknown;
    if (response.status === 409 && isStale(answer)) return { kind: 'stale', stale: answer };
    if (!response.ok) {
      const message = (answer as { message?: unknown } | null)?.message;
      return { kind: 'failed', status: response.status, message: Array.isArray(message) ? message.join('; ') : String(message ?? response.statusText) };
    }
    return { kind: 'done', incident: isIncident(answer) ? answer : null };
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }

  private checkSession(response: Response): void {
    if (response.status !== 401) return;
    this.onUnauthorised('Vigil no longer accepts this sign-in');
    throw new SignedOutError('signed out');
  }
}

function isIncident(value: unknown): value is Incident {
  return typeof value === 'object' && value !== null && typeof (value as Incident).incidentId === 'string' && typeof (value as Incident).version === 'number';
}

function isStale(value: unknown): value is StaleIncidentResponse {
  return typeof value === 'object' && value !== null && isIncident((value as StaleIncidentResponse).current);
}
