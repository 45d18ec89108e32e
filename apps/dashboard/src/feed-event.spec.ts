import { createEnvelope, EVENTS, SOCKET_EVENTS } from '@vigil/contracts';
import { toFeedEvent } from './feed-event';

const data = { incidentId: 'a1', version: 3 };

describe('toFeedEvent', () => {
  it.each([
    [EVENTS.incidentOpened.type, SOCKET_EVENTS.incidentOpened],
    [EVENTS.incidentChanged.type, SOCKET_EVENTS.incidentChanged],
  ])('pushes %s as %s, with its stream position', (type, name) => {
    const envelope = createEnvelope({ id: 'e1', source: '/vigil/triage', type, data });
    expect(toFeedEvent(envelope, 42)).toEqual({ name, incident: { ...data, streamSeq: 42 } });
  });

  it('pushes nothing for another type on the stream', () => {
    expect(toFeedEvent(createEnvelope({ id: 'e2', source: '/vigil/x', type: EVENTS.deadLetter.type, data }), 1)).toBeUndefined();
  });
});
