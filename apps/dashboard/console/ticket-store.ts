import type { Camera, FaultTicket, TicketPush } from '@vigil/contracts';

/** A ticket as the page holds it: a push (in this user's view) or the owner's REST answer. */
export type HeldTicket = TicketPush | (FaultTicket & Partial<Pick<TicketPush, 'change' | 'audience' | 'streamSeq'>>);

/**
 * The tickets and cameras this page knows, each at the highest version it has seen, whatever the
 * route it came by (replay, live push, snapshot, a command's answer or a 409's `current`).
 */
export class TicketStore {
  private readonly tickets = new Map<string, HeldTicket>();
  private readonly cameras = new Map<string, Camera>();
  private changed = 0;

  /** Keeps the ticket when it is newer than the one held; says whether it was. */
  upsert(ticket: HeldTicket): boolean {
    const held = this.tickets.get(ticket.ticketId);
    if (held && held.version >= ticket.version) return false;
    this.tickets.set(ticket.ticketId, ticket);
    this.changed += 1;
    return true;
  }

  upsertCamera(camera: Camera): boolean {
    const held = this.cameras.get(camera.cameraId);
    if (held && held.version >= camera.version) return false;
    this.cameras.set(camera.cameraId, camera);
    this.changed += 1;
    return true;
  }

  /** The open board from the owner replaces the tickets held, except those that arrived since it was asked for. */
  replaceWithSnapshot(snapshot: readonly FaultTicket[], keep: ReadonlySet<string>): void {
    const listed = new Set(snapshot.map((t) => t.ticketId));
    for (const id of [...this.tickets.keys()]) if (!listed.has(id) && !keep.has(id)) this.tickets.delete(id);
    snapshot.forEach((t) => this.upsert(t));
    this.changed += 1;
  }

  ticket(ticketId: string): HeldTicket | undefined {
    return this.tickets.get(ticketId);
  }

  camera(cameraId: string): Camera | undefined {
    return this.cameras.get(cameraId);
  }

  allTickets(): HeldTicket[] {
    return [...this.tickets.values()];
  }

  allCameras(): Camera[] {
    return [...this.cameras.values()];
  }

  /** Grows on every change: a cheap key for re-rendering. */
  get revision(): number {
    return this.changed;
  }
}
