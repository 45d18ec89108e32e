import { placeKeysOf } from './place-keys';

describe('placeKeysOf', () => {
  it.each([
    ['a town alone gives nothing to match on', { location: { town: 'Hitchin' }, summary: 'fight in the high street' }, { premisesId: null, town: 'Hitchin Town Centre' }, []],
    ['a registered premises, an alarm site', { location: { alarmAccount: '7001a' }, summary: 'Burglary' }, { premisesId: 'boots-hitchin', town: 'Hitchin Town Centre' }, ['premises:boots-hitchin', 'alarm-site:7001A']],
    ['a radio member, a pub in its town', { location: { radioMember: 'pl-17', town: 'Royston' }, summary: 'Pub Link The Red Lion (member PL-17): drunk male' }, { premisesId: null, town: 'Royston Town Centre' }, ['radio-member:PL-17', 'named-place:royston town centre:red lion']],
    ['the longer landmark only', { location: {}, summary: 'smoke at the Old Fire Station' }, { premisesId: null, town: 'Hertford' }, ['named-place:hertford:old fire station']],
    ['a pub with no town is no key', { location: {}, summary: 'fight at the Red Lion' }, { premisesId: null, town: null }, []],
    ['a camera', { location: { cameraId: 'nh-014' }, summary: 'fight' }, { premisesId: null, town: 'Hitchin Town Centre' }, ['camera:NH-014']],
  ])('%s', (_case, call, placement, keys) => {
    expect(placeKeysOf(call, placement)).toEqual(keys);
  });
});
