import { locateCall } from './locate-call';

describe('locateCall', () => {
  it.each([
    [{ town: 'Hitchin Town Centre' }, '', 'north-herts', 'Hitchin Town Centre', 'source-town'],
    [{ town: 'hitchin' }, '', 'north-herts', 'Hitchin Town Centre', 'source-town'],
    [{ town: 'Atlantis' }, 'fight in Bushey high street', 'hertsmere', 'Bushey', 'town-in-text'],
    [{ partnerId: 'east-herts' }, 'no place named', 'east-herts', null, 'source-partner'],
    [{ partnerId: 'nowhere' }, 'no place named', null, null, 'unplaced'],
    [{}, 'disorder outside Stevenage Old Town library', 'stevenage', 'Stevenage Old Town', 'town-in-text'],
    [{}, 'youths in Stevenage bus station', 'stevenage', 'Stevenage Town Centre', 'town-in-text'],
    [{}, "fight in Bishop's Stortford", 'east-herts', "Bishop's Stortford Town Centre", 'town-in-text'],
    [{}, 'Hitchinson road', null, null, 'unplaced'],
  ])('%j + "%s" → %s / %s (%s)', (location, summary, partnerId, town, reason) => {
    expect(locateCall({ location, summary })).toEqual({ partnerId, town, reason });
  });
});
