import { DEMO_ALARM_ACCOUNTS } from './demo-alarm-accounts';
import { DEMO_ALARM_SCENE_COUNT, demoAlarmScene } from './demo-alarm-scenes';

const scenes = Array.from({ length: DEMO_ALARM_SCENE_COUNT }, (_, n) => demoAlarmScene(n));
const signals = scenes.flat();

describe("the demo night's alarm scenes", () => {
  it.each([
    ['an intruder alarm followed by its restore', (s: typeof signals) => s[0].code === 'BA' && s[1].code === 'BR' && s[1].afterSeconds > s[0].afterSeconds],
    ['a restore that arrives before its alarm', (s: typeof signals) => s[0].code === 'BR' && s[1].code === 'BA' && s[0].zone === s[1].zone],
    ['a personal attack whose restore follows (it must not close the incident)', (s: typeof signals) => s[0].code === 'PA' && s[1].code === 'PR'],
    ['a fire alarm', (s: typeof signals) => s[0].code === 'FA'],
  ])('include %s', (_name, matches) => {
    expect(scenes.some((scene) => matches([...scene]))).toBe(true);
  });

  it('come from registered accounts only, including a client site of the company', () => {
    const registered = new Set<string>(DEMO_ALARM_ACCOUNTS.map((a) => a.account));
    expect(signals.every((s) => registered.has(s.account))).toBe(true);
    expect(signals.map((s) => s.account)).toEqual(expect.arrayContaining(['7002', '7003']));
  });

  it('repeat in turn', () => {
    expect(demoAlarmScene(DEMO_ALARM_SCENE_COUNT)).toBe(demoAlarmScene(0));
  });
});
