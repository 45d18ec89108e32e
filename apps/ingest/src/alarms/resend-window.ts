/** Whether a transmission is heard for the first time, resent inside the window, or repeated after it. */
export type ResendKind = 'first' | 'resend' | 'after-window';

/** The verdict on one transmission, and the start of the window it belongs to. */
export interface ResendVerdict {
  kind: ResendKind;
  windowStart: Date;
}

/**
 * Judges one transmission from when it was first seen. Inside the window it is the same
 * signal, resent because an ACK went missing; after it, the panel means it again. A clock
 * stepping back counts as inside, so a resend is never doubled by a clock correction.
 */
export function judgeResend(firstSeen: Date | undefined, now: Date, windowMs: number): ResendVerdict {
  if (!firstSeen) return { kind: 'first', windowStart: now };
  if (now.getTime() - firstSeen.getTime() < windowMs) return { kind: 'resend', windowStart: firstSeen };
  return { kind: 'after-window', windowStart: now };
}

/**
 * First sightings of the transmissions heard within the last window, in memory. Map order is
 * sighting order, so forgetting expired ones only ever looks at the oldest: memory stays at
 * one entry per transmission of the last window.
 */
export class ResendWindow {
  private readonly firstSeen = new Map<string, Date>();

  constructor(private readonly windowMs: number) {}

  /** Judges a transmission heard at `now` and remembers its first sighting. */
  judge(transmission: string, now: Date): ResendVerdict {
    const verdict = judgeResend(this.firstSeen.get(transmission), now, this.windowMs);
    this.forgetExpired(now);
    if (verdict.kind !== 'resend') {
      this.firstSeen.delete(transmission);
      this.firstSeen.set(transmission, now);
    }
    return verdict;
  }

  /** How many transmissions are remembered. */
  get size(): number {
    return this.firstSeen.size;
  }

  private forgetExpired(now: Date): void {
    for (const [transmission, seen] of this.firstSeen) {
      if (now.getTime() - seen.getTime() < this.windowMs) return;
      this.firstSeen.delete(transmission);
    }
  }
}
