/** Control rooms read times in UK local time, with GMT or BST said so a night across the clock change is not misread. */
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** A time as a UK operator reads it: "Sat, 28 Nov 2026, 23:00 GMT". */
export function londonTime(at: Date): string {
  return LONDON.format(at);
}
