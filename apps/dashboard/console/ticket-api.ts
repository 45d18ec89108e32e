import type { Camera, EngineerReport, FaultSymptom, FaultTicket, StaleTicketResponse } from '@vigil/contracts';
import { ApiClient } from './api-client';

/** A site as GET /api/sites lists it. */
export interface Site {
  siteId: string;
  partnerId: string | null;
  clientName: string | null;
  town: string;
  cameras: number;
  camerasOutOfPublicView: number;
}

/** The contractor's commands (POST /api/tickets/:id/<command>) and their bodies besides the version. */
export type TicketCommandBody = { command: 'acknowledge' } | { command: 'on-site'; engineer: string } | { command: 'fixed'; report: EngineerReport };

/** What a ticket command or report came to. */
export type TicketResult = { kind: 'done'; ticket: FaultTicket } | { kind: 'stale'; current: FaultTicket } | { kind: 'failed'; status: number; message: string };

/** Faults' REST calls the page makes: the open board, the commands, a report, the register. */
export class TicketApi extends ApiClient {
  /** Every ticket not yet verified, soonest deadline first (the board's snapshot). */
  openBoard(): Promise<FaultTicket[]> {
    return this.getJson('/api/tickets?board=open&limit=500');
  }

  /** A camera's fault history, newest first. */
  history(cameraId: string): Promise<FaultTicket[]> {
    return this.getJson(`/api/tickets?cameraId=${encodeURIComponent(cameraId)}&limit=100`);
  }

  camera(cameraId: string): Promise<Camera> {
    return this.getJson(`/api/cameras/${encodeURIComponent(cameraId)}`);
  }

  /** Cameras not in service (faulty, out of public view, in maintenance) come from the feed and this list. */
  cameras(status?: Camera['status']): Promise<Camera[]> {
    return this.getJson(`/api/cameras?limit=2000${status ? `&status=${status}` : ''}`);
  }

  sites(): Promise<Site[]> {
    return this.getJson('/api/sites');
  }

  async command(ticketId: string, version: number, body: TicketCommandBody): Promise<TicketResult> {
    const { command, ...rest } = body;
    return this.answer(await this.postJson(`/api/tickets/${encodeURIComponent(ticketId)}/${command}`, { ...rest, version }));
  }

  async report(report: { cameraId: string; symptom: FaultSymptom; description: string | null; incidentId: string | null; clientReference: string }): Promise<TicketResult> {
    return this.answer(await this.postJson('/api/faults', report));
  }

  private answer(result: Awaited<ReturnType<ApiClient['postJson']>>): TicketResult {
    if (result.kind === 'done') return { kind: 'done', ticket: result.answer as FaultTicket };
    if (result.kind === 'conflict') {
      const stale = result.answer as StaleTicketResponse | null;
      return stale?.current ? { kind: 'stale', current: stale.current } : { kind: 'failed', status: 409, message: 'conflict' };
    }
    return result;
  }
}
