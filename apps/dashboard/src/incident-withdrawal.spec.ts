import { IncidentChangePush, IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';
import { FeedEvent } from './feed-event';
import { withdrawalOf } from './incident-withdrawal';

const moved = {
  incidentId: 'a1',
  version: 4,
  streamSeq: 90,
  partnerId: 'hertsmere',
  placement: 'partner',
  town: 'Borehamwood',
  summary: 'Fight outside the station',
  change: 'relocated',
  previousOwner: { partnerId: 'stevenage', placement: 'partner' },
} as unknown as IncidentChangePush;
const { previousOwner: _none, ...noted } = { ...moved, change: 'noted' } as IncidentChangePush;

describe('withdrawalOf', () => {
  it('tells the previous owner only which incident, at which version and stream position, left its sight', () => {
    expect(withdrawalOf({ name: SOCKET_EVENTS.incidentChanged, incident: moved })).toEqual({
      from: { partnerId: 'stevenage', placement: 'partner' },
      notice: { incidentId: 'a1', version: 4, streamSeq: 90 },
    });
  });

  it.each<[string, FeedEvent]>([
    ['a change that kept its owner', { name: SOCKET_EVENTS.incidentChanged, incident: noted as IncidentChangePush }],
    ['an opening', { name: SOCKET_EVENTS.incidentOpened, incident: moved as unknown as IncidentPush }],
  ])('withdraws nothing for %s', (_what, event) => {
    expect(withdrawalOf(event)).toBeUndefined();
  });
});
