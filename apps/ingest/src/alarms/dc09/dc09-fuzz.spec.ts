import { prng } from '../../testing/prng';
import { decide, DecideOptions, Decision } from './decide';
import { buildFrame, OutgoingMessage } from './frame-builder';
import { wrapFrame } from './frame-envelope';
import { AccountLookup } from './frame-parser';
import { FrameSplitter } from './frame-splitter';
import { parseReply } from './reply-parser';

const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const NOW = new Date('2026-11-23T12:00:00Z');
const ITERATIONS = 12_000;
const MAX_FRAME = 1024;
const accounts: Record<string, { key?: Buffer }> = { '1234': {}, '5678': { key: KEY } };
const lookup: AccountLookup = (account) => accounts[account];

const base = (fields: Partial<OutgoingMessage>): OutgoingMessage => ({ id: 'SIA-DCS', sequence: '0001', line: '0', account: '1234', ...fields });
const SEEDS: Buffer[] = [
  buildFrame(base({ data: '#1234|Nri1/BA01/BA02^Hall^' })),
  buildFrame(base({ data: '#1234|Nri1/BH01', timestamp: NOW })),
  buildFrame(base({ id: 'ADM-CID', data: '#1234|1130 01 003', xdata: ['M0026B9E4268B'] })),
  buildFrame(base({ id: 'NULL', receiver: '12', data: '' })),
  buildFrame(base({ account: '5678', data: '#5678|NPA07', timestamp: NOW }), KEY),
  buildFrame(base({ id: 'NULL', account: '5678', data: '', timestamp: NOW }), KEY),
  buildFrame(base({ data: '#1234|NZX01', xdata: ['K00'] })),
];

type Mutation = (input: Buffer, rnd: () => number) => Buffer;
const at = (input: Buffer, rnd: () => number): number => Math.floor(rnd() * Math.max(1, input.length));
const MUTATIONS: Mutation[] = [
  (b, r) => Buffer.from(b.map((x, i) => (i === at(b, r) ? x ^ (1 << Math.floor(r() * 8)) : x))),
  (b, r) => b.subarray(0, at(b, r)),
  (b, r) => b.subarray(at(b, r)),
  (b, r) => Buffer.concat([b, b.subarray(at(b, r))]),
  (b, r) => splice(b, at(b, r), Buffer.from([r() < 0.5 ? 0x0a : 0x0d])),
  (b, r) => splice(b, at(b, r), randomBytes(r, 1 + Math.floor(r() * 16))),
  (b) => Buffer.concat([b.subarray(0, 5), Buffer.from('FFFF'), b.subarray(9)]),
  (b, r) => Buffer.concat([b.subarray(0, -1), Buffer.alloc(MAX_FRAME * (1 + Math.floor(r() * 4)), 0x41), b.subarray(-1)]),
  (b, r) => Buffer.concat([b, SEEDS[Math.floor(r() * SEEDS.length)]]),
  (b, r) => Buffer.from(b.toString('latin1').replace(/[0-9]/, String(Math.floor(r() * 10))), 'latin1'),
  (_b, r) => randomBytes(r, Math.floor(r() * 300)),
  (_b, r) => Buffer.concat([Buffer.from('\n'), randomBytes(r, Math.floor(r() * 80)), Buffer.from('\r')]),
  // Re-sealing with a correct CRC and length gets damaged content past the envelope checks.
  (b, r) => reseal(splice(b.subarray(9, -1), at(b, r), Buffer.from(pick(r, ['/', '|', ']', '[', '_', '#', 'N', 'Z', '0', '"'])))),
  (b, r) => reseal(b.subarray(9, Math.max(9, at(b, r)))),
];

function reseal(body: Buffer): Buffer {
  return wrapFrame(body.toString('latin1'));
}

function pick<T>(rnd: () => number, items: T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function splice(b: Buffer, index: number, insert: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, index), insert, b.subarray(index)]);
}

function randomBytes(rnd: () => number, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
}

function mutate(rnd: () => number): Buffer {
  let input = SEEDS[Math.floor(rnd() * SEEDS.length)];
  const rounds = Math.floor(rnd() * 4);
  for (let i = 0; i < rounds; i++) input = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)](input, rnd);
  return input;
}

/** Feeds the input in random-sized chunks, as TCP would deliver it. */
function splitInChunks(input: Buffer, rnd: () => number): Buffer[] {
  const splitter = new FrameSplitter(MAX_FRAME);
  const frames: Buffer[] = [];
  for (let pos = 0; pos < input.length; ) {
    const size = 1 + Math.floor(rnd() * 200);
    for (const item of splitter.push(input.subarray(pos, pos + size))) if (item.kind === 'frame') frames.push(item.bytes);
    pos += size;
  }
  for (const item of splitter.end()) if (item.kind === 'frame') frames.push(item.bytes);
  return frames;
}

function checkDecision(decision: Decision, problems: string[], input: Buffer): void {
  if (decision.verdict === 'reject' && decision.reason.trim() === '') problems.push(`empty reason for ${decision.outcome}`);
  const key = decision.frame?.encrypted ? KEY : undefined;
  const replies = decision.verdict === 'accept' ? [decision.reply, decision.failureReply] : [decision.reply];
  for (const reply of replies) {
    const parsed = parseReply(reply, key);
    if (!parsed.ok) problems.push(`malformed reply (${parsed.reason}) to ${JSON.stringify(input.toString('latin1').slice(0, 80))}`);
  }
}

describe('DC-09 fuzz: splitter + decide', () => {
  it.each([
    ['duh', 0xdc09],
    ['ack-and-flag', 0x5eed],
  ] as const)(`survives ${ITERATIONS} random and mutated inputs (unknown codes: %s)`, (policy, seed) => {
    const rnd = prng(seed);
    const options: DecideOptions = { unknownCodePolicy: policy };
    const problems: string[] = [];
    const outcomes = new Map<string, number>();
    let iterations = 0;
    let decisions = 0;
    for (; iterations < ITERATIONS; iterations++) {
      const input = mutate(rnd);
      const udp = decide(input, lookup, NOW, options);
      const tcp = splitInChunks(input, rnd).map((frame) => decide(frame, lookup, NOW, options));
      for (const decision of [udp, ...tcp]) {
        checkDecision(decision, problems, input);
        outcomes.set(decision.outcome, (outcomes.get(decision.outcome) ?? 0) + 1);
        decisions++;
      }
    }
    expect(iterations).toBe(ITERATIONS);
    expect(decisions).toBeGreaterThanOrEqual(ITERATIONS);
    expect(problems.slice(0, 5)).toEqual([]);
    // The mutations must reach deep paths, not only fail at the first check.
    const deep = ['signals', 'link-test', 'crc-mismatch', 'length-mismatch', 'unframed', 'bad-header', 'bad-data', 'decrypt-failed'];
    for (const outcome of deep) {
      expect(outcomes.get(outcome) ?? 0).toBeGreaterThan(0);
    }
  });
});
