/**
 * Whether an incoming version of an aggregate is worth passing on, with the reason as a log field.
 * Every consumer of versioned events (the dashboard's fan-out, notify) decides with this: a
 * republished or late copy is never a second change.
 */
export type VersionDecision = 'first-seen' | 'newer' | 'repeat' | 'stale';

/** Compares an event's version with the newest one already passed on for its aggregate. */
export function decideVersion(known: number | undefined, incoming: number): VersionDecision {
  if (known === undefined) return 'first-seen';
  if (incoming > known) return 'newer';
  return incoming === known ? 'repeat' : 'stale';
}

/** Decisions that pass the event on. */
export function passesOn(decision: VersionDecision): boolean {
  return decision === 'first-seen' || decision === 'newer';
}

/**
 * The newest version passed on per aggregate, for the `capacity` most recently changed ones. An
 * aggregate forgotten here and then republished is passed on again: browsers drop it by version too.
 */
export class LatestVersions {
  private readonly versions = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  /** Decides on `version` of `id` and remembers it when it passes on. */
  offer(id: string, version: number): VersionDecision {
    const decision = decideVersion(this.versions.get(id), version);
    if (!passesOn(decision)) return decision;
    // Delete first so the Map's insertion order is least recently changed first.
    this.versions.delete(id);
    this.versions.set(id, version);
    if (this.versions.size > this.capacity) this.versions.delete(this.versions.keys().next().value!);
    return decision;
  }
}
