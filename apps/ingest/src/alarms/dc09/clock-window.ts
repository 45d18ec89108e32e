/** How far the panel's clock may be from the receiver's: behind by up to `behindSeconds`, ahead by up to `aheadSeconds`. */
export interface ClockWindow {
  behindSeconds: number;
  aheadSeconds: number;
}

/** The DC-09 default window: -40 s .. +20 s. */
export const DEFAULT_CLOCK_WINDOW: ClockWindow = { behindSeconds: 40, aheadSeconds: 20 };

/** Whether a panel timestamp is acceptable; the offset is panel minus receiver, in seconds. */
export type ClockVerdict = { ok: true } | { ok: false; offsetSeconds: number; reason: string };

/** Checks a panel timestamp against the receiver's clock; a message without a timestamp always passes. */
export function checkClock(
  panelTime: Date | undefined,
  now: Date,
  window: ClockWindow = DEFAULT_CLOCK_WINDOW,
): ClockVerdict {
  if (!panelTime) return { ok: true };
  const offsetSeconds = (panelTime.getTime() - now.getTime()) / 1000;
  if (offsetSeconds >= -window.behindSeconds && offsetSeconds <= window.aheadSeconds) return { ok: true };
  const direction = offsetSeconds < 0 ? 'behind' : 'ahead of';
  const allowed = `window -${window.behindSeconds} s..+${window.aheadSeconds} s`;
  const reason = `panel clock is ${Math.abs(offsetSeconds)} s ${direction} the receiver (${allowed})`;
  return { ok: false, offsetSeconds, reason };
}
