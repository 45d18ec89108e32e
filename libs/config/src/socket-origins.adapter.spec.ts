import { socketOriginAllowed } from './socket-origins.adapter';

describe('socketOriginAllowed', () => {
  it.each([
    [undefined, 'vigil.local:3000', [], true],
    ['http://vigil.local:3000', 'vigil.local:3000', [], true],
    ['https://vigil.example.org', 'vigil.example.org', [], true],
    ['http://evil.example', 'vigil.local:3000', [], false],
    ['http://vigil.local:3001', 'vigil.local:3000', [], false],
    ['null', 'vigil.local:3000', [], false],
    ['https://wall.example.org', 'vigil.local:3000', ['https://wall.example.org'], true],
    ['https://wall.example.org.evil', 'vigil.local:3000', ['https://wall.example.org'], false],
    ['http://vigil.local:3000', undefined, [], false],
  ])('origin %s to host %s with %j allowed → %s', (origin, host, allowed, expected) => {
    expect(socketOriginAllowed(origin, host, allowed)).toBe(expected);
  });
});
