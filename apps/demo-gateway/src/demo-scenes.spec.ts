import { airwaveSdsSchema, airwaveStatusSchema, findTown, findTownInText, townlinkMemberCallSchema, townlinkPanicSchema } from '@vigil/contracts';
import { DEMO_SCENE_COUNT, demoScene, demoScenePlace, nextRestedScene, SCENE_REST_MS } from './demo-scenes';

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

  describe('nextRestedScene: a place rests longer than the correlation window before its next scene', () => {
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const places = Array.from({ length: DEMO_SCENE_COUNT }, (_, n) => demoScenePlace(n));
    const firstPlace = places[0]!;
    const allPlayed = (at: Date) => new Map(places.flatMap((p) => (p ? [[p, at] as const] : [])));
    const placeless = places.indexOf(null);

    it.each<[string, number, Map<string, Date>, number | null]>([
      ['nothing played yet: the scene asked for', 0, new Map(), 0],
      ['its place played a minute ago: the next scene', 0, new Map([[firstPlace, minutesAgo(1)]]), 1],
      ['its place rested longer than the rest: that scene', 0, new Map([[firstPlace, minutesAgo(SCENE_REST_MS / 60_000 + 1)]]), 0],
      ['every place played just now: only the call with no place', 0, allPlayed(minutesAgo(1)), placeless],
      ['counting on past the end comes round again', DEMO_SCENE_COUNT - 1, new Map(), DEMO_SCENE_COUNT - 1],
    ])('%s', (_case, n, lastPlayed, expected) => {
      expect(nextRestedScene(n, lastPlayed, now)).toBe(expected);
    });

    it('plays no place twice within the rest, however many scenes are asked for', () => {
      const lastPlayed = new Map<string, Date>();
      const playedAt: { place: string; at: number }[] = [];
      let n = 0;
      // A scene asked for every 20 s for two hours.
      for (let t = 0; t < 2 * 3600_000; t += 20_000) {
        const at = new Date(now.getTime() + t);
        const next = nextRestedScene(n, lastPlayed, at);
        if (next === null) continue;
        n = next + 1;
        const place = demoScenePlace(next);
        if (!place) continue;
        lastPlayed.set(place, at);
        playedAt.push({ place, at: t });
      }
      for (const place of new Set(playedAt.map((p) => p.place))) {
        const times = playedAt.filter((p) => p.place === place).map((p) => p.at);
        times.slice(1).forEach((t, i) => expect(t - times[i]).toBeGreaterThanOrEqual(SCENE_REST_MS));
      }
      expect(playedAt.length).toBeGreaterThan(DEMO_SCENE_COUNT);
    });
  });
});
