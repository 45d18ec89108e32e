import { escapeUnstorable, storedText } from './stored-text';

describe('storedText', () => {
  it.each([
    ['plain', true],
    ['Bishop’s Stortford 😀', true],
    ['a\u0000b', false],
    ['lone high \ud800 surrogate', false],
    ['lone low \udc00 surrogate', false],
    ['pair \ud83d\ude00 ok', true],
  ])('%j storable: %s', (value, ok) => {
    expect(storedText().safeParse(value).success).toBe(ok);
  });

  it('keeps string methods such as trim and min', () => {
    expect(storedText().trim().min(3).safeParse('  ab  ').success).toBe(false);
    expect(storedText().trim().min(3).parse('  abc  ')).toBe('abc');
  });
});

describe('escapeUnstorable', () => {
  it.each([
    ['plain', 'plain'],
    ['Bishop’s Stortford 😀', 'Bishop’s Stortford 😀'],
    ['a\u0000b\u0000', 'a\\u0000b\\u0000'],
    ['lone high \ud800 surrogate', 'lone high \\ud800 surrogate'],
    ['lone low \udc00 surrogate', 'lone low \\udc00 surrogate'],
    ['pair \ud83d\ude00 ok', 'pair \ud83d\ude00 ok'],
  ])('%j → %j, which Postgres can store', (value, escaped) => {
    expect(escapeUnstorable(value)).toBe(escaped);
    expect(storedText().safeParse(escapeUnstorable(value)).success).toBe(true);
  });
});
