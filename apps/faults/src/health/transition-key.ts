import { createHash } from 'node:crypto';
import type { HealthTransition } from '../domain/camera-health';

/**
 * When a transition happened by the signals' own times, never the clock of the replica that
 * judged it: every replica, and a replica replaying the stream after a restart, names the same
 * transition the same way. At the same instant a camera coming up precedes it going down again.
 */
export function transitionMoment(transition: HealthTransition): { at: number; rank: 1 | 2 } {
  switch (transition.kind) {
    case 'went-down':
      return { at: transition.since, rank: 2 };
    case 'started-flapping':
      return { at: transition.at, rank: 2 };
    case 'came-up':
    case 'stopped-flapping':
      return { at: transition.at, rank: 1 };
  }
}

/** The transition's name: `<camera>:<kind>:<epoch ms>`. */
export function transitionKey(cameraId: string, transition: HealthTransition): string {
  return `${cameraId}:${transition.kind}:${transitionMoment(transition).at}`;
}

/** A uuid derived from a name (RFC 4122 version 5 layout over SHA-1): the ticket a transition opens has the same id on every replica. */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(`vigil:faults:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
