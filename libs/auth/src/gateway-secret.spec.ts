import { gatewaySecretMatches } from './gateway-secret';

const secrets = { 'gw-herts-1': 'secret-of-gateway-one', toString: 'not-a-gateway-but-a-key' };

describe('gatewaySecretMatches', () => {
  it.each([
    ['gw-herts-1', 'secret-of-gateway-one', true],
    ['gw-herts-1', 'secret-of-gateway-two', false],
    ['gw-herts-1', 'secret-of-gateway-one-and-more', false],
    ['gw-herts-1', undefined, false],
    ['gw-unknown', 'secret-of-gateway-one', false],
    ['constructor', '', false],
    ['toString', 'not-a-gateway-but-a-key', true],
  ])('%s with %s → %s', (gatewayId, presented, matches) => {
    expect(gatewaySecretMatches(secrets, gatewayId, presented)).toBe(matches);
  });
});
