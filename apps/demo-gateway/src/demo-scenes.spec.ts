import { airwaveSdsSchema, airwaveStatusSchema, findTown, findTownInText, townlinkMemberCallSchema, townlinkPanicSchema } from '@vigil/contracts';
import { DEMO_SCENE_COUNT, demoScene } from './demo-scenes';

describe('demo scenes', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const scenes = Array.from({ length: DEMO_SCENE_COUNT }, (_, n) => demoScene('demo-gw', n, now));
  const schemas = { sds: airwaveSdsSchema, 'member-call': townlinkMemberCallSchema, panic: townlinkPanicSchema, status: airwaveStatusSchema };

  it('are valid gateway payloads with unique message ids', () => {
    const messages = scenes.flat();
    for (const message of messages) expect(schemas[message.kind].safeParse(message.payload).success).toBe(true);
    expect(new Set(messages.map((m) => m.payload.messageId)).size).toBe(messages.length);
  });

  it('include several sources about one event, a panic button and a call with no place', () => {
    expect(scenes.some((scene) => new Set(scene.map((m) => m.kind)).size >= 3)).toBe(true);
    expect(scenes.flat().some((m) => m.kind === 'panic')).toBe(true);
    const placeless = scenes.flat().filter((m) => m.kind === 'sds' && !findTownInText(m.payload.text) && !m.payload.location);
    expect(placeless).toHaveLength(1);
  });

  it('name a known town for every Town Link call', () => {
    for (const m of scenes.flat()) if (m.kind === 'member-call' || m.kind === 'panic') expect(findTown(m.payload.town)).toBeDefined();
  });

  it('cycle, and differ from one playing to the next', () => {
    expect(demoScene('g', DEMO_SCENE_COUNT, now).map((m) => m.kind)).toEqual(scenes[0].map((m) => m.kind));
    expect(demoScene('g', DEMO_SCENE_COUNT, now)[0].payload.messageId).not.toBe(scenes[0][0].payload.messageId);
  });
});
