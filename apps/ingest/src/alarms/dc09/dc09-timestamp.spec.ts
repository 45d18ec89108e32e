import { formatDc09Timestamp, parseDc09Timestamp } from './dc09-timestamp';

describe('formatDc09Timestamp', () => {
  it.each([
    ['2026-11-23T08:13:21Z', '08:13:21,11-23-2026'],
    ['2020-07-09T16:04:02.999Z', '16:04:02,07-09-2020'],
    ['2000-01-01T00:00:00Z', '00:00:00,01-01-2000'],
  ])('%s -> %s (UTC)', (iso, expected) => {
    expect(formatDc09Timestamp(new Date(iso))).toBe(expected);
  });
});

describe('parseDc09Timestamp', () => {
  it.each([
    ['16:04:02,07-09-2020', '2020-07-09T16:04:02.000Z'],
    ['23:59:59,12-31-2099', '2099-12-31T23:59:59.000Z'],
    ['00:00:00,02-29-2024', '2024-02-29T00:00:00.000Z'],
  ])('%s is read as UTC', (text, iso) => {
    expect(parseDc09Timestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['truncated year (pysiaalarm case_dc04)', '14:12:04,09-25-201'],
    ['impossible date', '10:00:00,02-30-2024'],
    ['impossible hour', '24:00:00,01-01-2024'],
    ['month 13', '10:00:00,13-01-2024'],
    ['ISO format', '2024-01-01T10:00:00'],
    ['empty', ''],
  ])('rejects %s', (_name, text) => {
    expect(parseDc09Timestamp(text)).toBeUndefined();
  });
});
