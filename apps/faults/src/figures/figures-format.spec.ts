import { csvFileName, wantsCsv } from './figures-format';

describe('wantsCsv', () => {
  it.each<[string, 'json' | 'csv' | undefined, string | undefined, boolean]>([
    ['nothing asked: JSON', undefined, undefined, false],
    ['a browser\'s Accept: JSON', undefined, 'text/html,application/xhtml+xml,*/*;q=0.8', false],
    ['Accept: text/csv', undefined, 'text/csv', true],
    ['Accept: text/csv among others, with parameters', undefined, 'application/json;q=0.5, text/csv; charset=utf-8', true],
    ['format=csv whatever the Accept', 'csv', 'application/json', true],
    ['format=json wins over Accept: text/csv', 'json', 'text/csv', false],
  ])('%s', (_what, format, accept, expected) => {
    expect(wantsCsv(format, accept)).toBe(expected);
  });
});

describe('csvFileName', () => {
  it('keeps the report and the period, nothing a file system refuses', () => {
    expect(csvFileName('availability-cameras', '2026-01-01', '2026-04-01T00:00:00+01:00')).toBe('availability-cameras_2026-01-01_2026-04-01T0000000100.csv');
  });
});
