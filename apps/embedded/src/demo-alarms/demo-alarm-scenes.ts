/** One signal a demo panel sends: after how long (from the scene's start), from which account, which SIA event and zone. */
export interface DemoAlarmSignal {
  afterSeconds: number;
  account: string;
  /** SIA DCS event code: BA intruder, BR its restore, PA personal attack, PR its restore, FA fire, FR its restore. */
  code: string;
  zone: string;
}

/**
 * The alarm side of a demo night, one scene at a time, in turn: an intruder alarm and its restore,
 * a restore that arrives before its alarm, a personal attack whose restore must not close it, a
 * fire alarm at a client's school.
 */
const SCENES: readonly DemoAlarmSignal[][] = [
  [
    { afterSeconds: 0, account: '7001', code: 'BA', zone: '03' },
    { afterSeconds: 25, account: '7001', code: 'BR', zone: '03' },
  ],
  [
    { afterSeconds: 0, account: '7002', code: 'BR', zone: '04' },
    { afterSeconds: 3, account: '7002', code: 'BA', zone: '04' },
  ],
  [
    { afterSeconds: 0, account: '7001', code: 'PA', zone: '01' },
    { afterSeconds: 15, account: '7001', code: 'PR', zone: '01' },
  ],
  [
    { afterSeconds: 0, account: '7003', code: 'FA', zone: '02' },
    { afterSeconds: 40, account: '7003', code: 'FR', zone: '02' },
  ],
];

/** The scene played the n-th time (0-based); scenes repeat in turn. */
export function demoAlarmScene(n: number): readonly DemoAlarmSignal[] {
  return SCENES[n % SCENES.length];
}

/** How many different scenes there are. */
export const DEMO_ALARM_SCENE_COUNT = SCENES.length;
