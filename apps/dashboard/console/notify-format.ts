import type { Delivery, Matcher } from './notify-types';

// The control room works in London time whatever the browser's zone: a handheld abroad reads the same clock.
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const clockSeconds = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayAndClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** `03:12` in London. */
export const londonTime = (iso: string) => clock.format(new Date(iso));
/** `03:12:05` in London. */
export const londonTimeSeconds = (iso: string) => clockSeconds.format(new Date(iso));
/** `4 Mar, 03:12` in London. */
export const londonDayTime = (iso: string) => dayAndClock.format(new Date(iso));

/** `partner = north-herts`, `state one of down, key-mismatch`: how a matcher reads. */
export function matcherText(matcher: Matcher): string {
  if ('equals' in matcher) return `${matcher.label} = ${matcher.equals}`;
  if ('notEquals' in matcher) return `${matcher.label} ≠ ${matcher.notEquals}`;
  if ('matches' in matcher) return `${matcher.label} ~ /${matcher.matches}/`;
  return `${matcher.label} one of ${matcher.in.join(', ')}`;
}

/** All matchers of a rule or silence, or what none means. */
export function matchersText(matchers: readonly Matcher[] | undefined, none = 'every alert'): string {
  return matchers && matchers.length > 0 ? matchers.map(matcherText).join(' and ') : none;
}

/** What came of a delivery, with the last error when it failed. */
export function deliveryOutcome(delivery: Delivery): string {
  const last = delivery.attempts[delivery.attempts.length - 1];
  const why = last && !last.ok ? `${last.error ?? 'failed'}${last.status ? ` (HTTP ${last.status})` : ''}` : '';
  const tries = delivery.attempts.length === 1 ? '1 try' : `${delivery.attempts.length} tries`;
  switch (delivery.state) {
    case 'delivered':
      return `delivered${delivery.deliveredAt ? ` ${londonTimeSeconds(delivery.deliveredAt)}` : ''}${delivery.attempts.length > 1 ? ` after ${tries}` : ''}`;
    case 'dead-letter':
      return `failed after ${tries}: ${why || 'gave up'}`;
    case 'retrying':
      return `retrying: ${why || 'last try failed'} (${tries} so far)`;
    case 'sending':
      return 'sending…';
    case 'pending':
      return `planned for ${londonTimeSeconds(delivery.plannedAt)}`;
  }
}
