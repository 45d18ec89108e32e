/** The first nats-server release that reads `+TERM <reason>` (nats-server#4697); older servers ignore the whole ack. */
const FIRST_WITH_REASON = [2, 10, 4] as const;

/**
 * Whether a term may carry a reason on a server of this version (from the connection's INFO).
 * Unknown or unparsable versions get a reasonless term, which every server understands.
 */
export function termReasonSupported(serverVersion: string | undefined): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(serverVersion ?? '');
  if (!match) return false;
  const version = match.slice(1, 4).map(Number);
  for (let i = 0; i < FIRST_WITH_REASON.length; i++) {
    if (version[i] !== FIRST_WITH_REASON[i]) return version[i] > FIRST_WITH_REASON[i];
  }
  return true;
}
