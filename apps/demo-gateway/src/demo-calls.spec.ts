import { airwaveSdsSchema, airwaveStatusSchema, findTown, findTownInText, townlinkMemberCallSchema, townlinkPanicSchema } from '@vigil/contracts';
import { demoMessage, seededRandom } from './demo-calls';

describe('demo calls', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const messages = Array.from({ length: 500 }, (_, n) => demoMessage('demo-gw', n, seededRandom(42 + n), now));

  it('are valid gateway payloads, as a real gateway would send', () => {
    const schemas = { sds: airwaveSdsSchema, status: airwaveStatusSchema, 'member-call': townlinkMemberCallSchema, panic: townlinkPanicSchema };
    for (const message of messages) expect(schemas[message.kind].safeParse(message.payload).success).toBe(true);
  });

  it('name a partnership town in every SDS, so triage can place them', () => {
    const sds = messages.filter((m) => m.kind === 'sds');
    expect(sds.length).toBeGreaterThan(250);
    for (const message of sds) expect(findTownInText(message.payload.text)).toBeDefined();
  });

  it('include some emergency statuses and Town Link calls from a known town', () => {
    expect(messages.some((m) => m.kind === 'status' && m.payload.status === 0)).toBe(true);
    const townlink = messages.filter((m) => m.kind === 'member-call');
    expect(townlink.length).toBeGreaterThan(50);
    for (const message of townlink) expect(message.kind === 'member-call' && findTown(message.payload.town)).toBeTruthy();
  });

  it('repeat for the same seed', () => {
    expect(demoMessage('g', 1, seededRandom(7), now)).toEqual(demoMessage('g', 1, seededRandom(7), now));
  });
});
