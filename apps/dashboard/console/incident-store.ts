import type { Incident } from '@vigil/contracts';

/**
 * The incidents this page knows, each at the highest version it has seen, whatever the route it
 * came by (replay, live push, snapshot, a command's answer or a 409's `current`).
 */
export class IncidentStore {
  private readonly byId = new Map<string, Incident>();
  /** The version at which each incident left this user's sight: an older copy arriving late must not bring it back. */
  private readonly withdrawnAt = new Map<string, number>();
  private changed = 0;

  /** Keeps the incident when it is newer than the one held (and than its withdrawal); says whether it was. */
  upsert(incident: Incident): boolean {
    const held = this.byId.get(incident.incidentId);
    if (held && held.version >= incident.version) return false;
    if (incident.version <= (this.withdrawnAt.get(incident.incidentId) ?? 0)) return false;
    this.withdrawnAt.delete(incident.incidentId);
    this.byId.set(incident.incidentId, incident);
    this.changed += 1;
    return true;
  }

  /**
   * The incident moved out of this user's sight at `version`: drop it. Answers what the page held
   * (for the notice), or undefined when it held nothing older (never had it, or it has come back since).
   */
  withdraw(incidentId: string, version: number): Incident | undefined {
    const held = this.byId.get(incidentId);
    if (held && held.version >= version) return undefined;
    this.withdrawnAt.set(incidentId, Math.max(version, this.withdrawnAt.get(incidentId) ?? 0));
    if (!held) return undefined;
    this.byId.delete(incidentId);
    this.changed += 1;
    return held;
  }

  /**
   * A snapshot of the open board replaces what the page held: an incident the snapshot no longer
   * lists has closed (or left this user's view) while the page was away. Anything that arrived after
   * the snapshot was asked for (`keep`) stays, since the snapshot may predate it.
   */
  replaceWithSnapshot(snapshot: readonly Incident[], keep: ReadonlySet<string>): void {
    const listed = new Set(snapshot.map((i) => i.incidentId));
    for (const id of [...this.byId.keys()]) if (!listed.has(id) && !keep.has(id)) this.byId.delete(id);
    snapshot.forEach((incident) => this.upsert(incident));
    this.changed += 1;
  }

  get(incidentId: string): Incident | undefined {
    return this.byId.get(incidentId);
  }

  findByReference(reference: string): Incident | undefined {
    const wanted = reference.trim().toUpperCase();
    return [...this.byId.values()].find((i) => i.reference.toUpperCase() === wanted);
  }

  all(): Incident[] {
    return [...this.byId.values()];
  }

  /** Grows on every change: a cheap key for re-rendering. */
  get revision(): number {
    return this.changed;
  }
}
