const PATTERN = /^(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/;

/** DC-09 timestamps are UTC, written HH:MM:SS,MM-DD-YYYY (without the leading underscore). */
export function formatDc09Timestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
    `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`
  );
}

/** Parses HH:MM:SS,MM-DD-YYYY as UTC; undefined when malformed or not a real date and time. */
export function parseDc09Timestamp(text: string): Date | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [hh, mi, ss, mm, dd, yyyy] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(yyyy, mm - 1, dd, hh, mi, ss));
  // Date.UTC rolls 02-30 over into March; a round trip catches impossible dates and times.
  return formatDc09Timestamp(date) === text ? date : undefined;
}
