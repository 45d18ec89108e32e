import { contactIdKind, SignalKind, siaKind } from './signal-kinds';

describe('siaKind', () => {
  it.each<[string, SignalKind]>([
    ['BA', 'intruder'],
    ['BH', 'intruder'],
    ['PA', 'personal-attack'],
    ['HA', 'personal-attack'],
    ['QA', 'personal-attack'],
    ['FA', 'fire'],
    ['KR', 'fire'],
    ['TA', 'tamper'],
    ['JC', 'tamper'],
    ['AT', 'ac-loss'],
    ['AR', 'ac-loss'],
    ['RP', 'test-report'],
    ['RX', 'test-report'],
    ['CL', 'opening-closing'],
    ['OP', 'opening-closing'],
    ['OT', 'opening-closing'],
    ['BT', 'trouble'],
    ['FJ', 'trouble'],
    ['YT', 'trouble'],
    ['LT', 'trouble'],
    ['WS', 'trouble'],
    ['WA', 'other'],
    ['JT', 'other'],
    ['ZX', 'other'],
  ])('%s is %s', (code, kind) => {
    expect(siaKind(code)).toBe(kind);
  });
});

describe('contactIdKind', () => {
  it.each<[string, SignalKind]>([
    ['100', 'other'],
    ['110', 'fire'],
    ['118', 'fire'],
    ['120', 'personal-attack'],
    ['121', 'personal-attack'],
    ['130', 'intruder'],
    ['137', 'tamper'],
    ['140', 'intruder'],
    ['144', 'tamper'],
    ['146', 'intruder'],
    ['147', 'trouble'],
    ['301', 'ac-loss'],
    ['302', 'trouble'],
    ['383', 'tamper'],
    ['401', 'opening-closing'],
    ['421', 'other'],
    ['441', 'opening-closing'],
    ['602', 'test-report'],
    ['608', 'test-report'],
    ['625', 'other'],
    ['999', 'other'],
  ])('%s is %s', (code, kind) => {
    expect(contactIdKind(code)).toBe(kind);
  });
});
