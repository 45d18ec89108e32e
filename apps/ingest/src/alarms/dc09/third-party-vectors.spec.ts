import vectorFile from '../../../../../test/fixtures/dc09-third-party-vectors.json';
import codes from '../../../../../libs/contracts/src/reference/alarm-event-codes.json';
import { parseAccountKey } from './account-key';
import { decryptContent } from './aes-cbc';
import { crc16Arc, hex4 } from './crc16-arc';
import { decide, DecideOptions, Decision } from './decide';
import { wrapFrame } from './frame-envelope';
import { AccountKeys, parseFrame } from './frame-parser';
import { parseReply } from './reply-parser';

/**
 * Third-party DC-09 vectors, used for what they are: most are unframed strings from
 * pysiaalarm's tests, many with a wrong length field or CRC. "As sent" feeds the raw string;
 * "on the wire" adds LF and CR around it unchanged; "re-framed" recomputes CRC and length
 * (our own correction, so the payload can be checked) and compares with what the source expects.
 */
interface Vector {
  name: string;
  raw: string;
  key: string | null;
  expected: Record<string, unknown> | null;
  derived?: {
    lf?: boolean;
    header_ok?: boolean;
    crc_calculated?: string;
    crc_ok?: boolean;
    len_declared?: string;
    len_calculated?: string;
    len_ok?: boolean;
  } | null;
  observed_pysiaalarm?: { response_bytes?: string };
}

const vectors = (vectorFile as unknown as { vectors: Vector[] }).vectors;
const byName = (name: string): Vector => {
  const found = vectors.find((v) => v.name === name);
  if (!found) throw new Error(`no vector ${name}`);
  return found;
};
const framed = vectors.filter((v) => v.derived);
const keyOf = (v: Vector): Buffer | undefined => (v.key ? parseAccountKey(v.key.split(' ')[0]) : undefined);
const fromQuote = (raw: string): string => raw.slice(raw.indexOf('"')).replace(/\r$/, '');
const NOW = new Date('2026-11-23T08:13:21Z');
const ANY_CLOCK: DecideOptions = { unknownCodePolicy: 'duh', clockWindow: { behindSeconds: Infinity, aheadSeconds: Infinity } };
const DEFAULT_CLOCK: DecideOptions = { unknownCodePolicy: 'duh' };

/** Every account a vector names, registered without a key unless `keyed` says otherwise. */
function lookupFor(v: Vector, keyed: boolean) {
  return (account: string): AccountKeys | undefined => (/^[0-9A-F]{3,16}$/.test(account) ? { key: keyed ? keyOf(v) : undefined } : undefined);
}

function expectWellFormedReply(decision: Decision, key?: Buffer): string {
  const reply = parseReply(decision.reply, key);
  expect(reply).toEqual({ ok: true, reply: expect.any(Object) });
  return reply.ok ? reply.reply.id : '';
}

describe('third-party DC-09 vectors', () => {
  it('CRC-16/ARC check value (artis101)', () => {
    expect(hex4(crc16Arc(Buffer.from(byName('artis101:crc16_check_value').raw)))).toBe('BB3D');
  });

  it.each(framed.filter((v) => v.derived?.crc_calculated).map((v) => [v.name, v] as const))('%s: our CRC and length match the derived ones', (_name, v) => {
    const body = Buffer.from(fromQuote(v.raw), 'latin1');
    expect(hex4(crc16Arc(body))).toBe(v.derived?.crc_calculated);
    expect(hex4(body.length)).toBe(v.derived?.len_calculated);
  });

  it.each(vectors.filter((v) => v.derived && !v.derived.lf).map((v) => [v.name, v] as const))('%s: as sent (no LF/CR) it is refused as unframed, with a NAK', (_name, v) => {
    const decision = decide(Buffer.from(v.raw, 'latin1'), lookupFor(v, false), NOW, DEFAULT_CLOCK);
    expect(decision).toEqual(expect.objectContaining({ verdict: 'reject', outcome: 'unframed', reason: expect.stringMatching(/LF/) }));
    expect(expectWellFormedReply(decision)).toBe('NAK');
  });

  it.each(framed.filter((v) => v.derived?.len_ok === false).map((v) => [v.name, v] as const))('%s: on the wire, its wrong length is refused with a reason saying so', (_name, v) => {
    const decision = decide(wrapRaw(v.raw), lookupFor(v, false), NOW, DEFAULT_CLOCK);
    const reason = `declared length ${v.derived?.len_declared} but message is ${v.derived?.len_calculated} bytes`;
    expect(decision).toEqual(expect.objectContaining({ outcome: 'length-mismatch', reason: expect.stringContaining(reason) }));
    if (v.derived?.crc_ok === false) expect(decision.reason).toContain(`calculated ${v.derived.crc_calculated}`);
    expect(expectWellFormedReply(decision)).toBe('NAK');
  });

  it.each(framed.filter((v) => v.derived?.header_ok === false).map((v) => [v.name, v] as const))('%s: on the wire, its malformed header is refused', (_name, v) => {
    const decision = decide(wrapRaw(v.raw), lookupFor(v, false), NOW, DEFAULT_CLOCK);
    expect(decision).toEqual(expect.objectContaining({ verdict: 'reject', outcome: 'bad-header', reason: expect.any(String) }));
    expect(expectWellFormedReply(decision)).toBe('NAK');
  });

  describe('re-framed with a correct CRC and length', () => {
    // [vector, account keyed?, clock, our outcome, reply, our signal codes, pysiaalarm's code for the same event]
    it.each<[string, boolean, DecideOptions, string, string, string[], string | null]>([
      ['pysiaalarm:case_adm_cid', false, ANY_CLOCK, 'signals', 'ACK', ['110:new'], 'FA'],
      ['pysiaalarm:case_adm_cid2', false, ANY_CLOCK, 'signals', 'ACK', ['401:restore'], 'CL'],
      // pysiaalarm has no mapping for 999 and calls it YN; the Contact ID table knows it.
      ['pysiaalarm:case_adm_unknown_type', false, ANY_CLOCK, 'signals', 'ACK', ['999:new'], null],
      ['pysiaalarm:case_bug', false, ANY_CLOCK, 'signals', 'ACK', ['CL:new'], 'CL'],
      ['pysiaalarm:case_bug2', false, ANY_CLOCK, 'signals', 'ACK', ['KR:restore'], 'KR'],
      ['pysiaalarm:case_cl', false, ANY_CLOCK, 'signals', 'ACK', ['CL:new'], 'CL'],
      ['pysiaalarm:case_code_jc', false, ANY_CLOCK, 'signals', 'ACK', ['JC:new'], 'JC'],
      ['pysiaalarm:case_op', false, ANY_CLOCK, 'signals', 'ACK', ['OP:new'], 'OP'],
      ['pysiaalarm:case_wa', false, ANY_CLOCK, 'signals', 'ACK', ['WA:new'], 'WA'],
      ['pysiaalarm:case_xdata_K', false, ANY_CLOCK, 'response-requested', 'RSP', ['RP:new'], 'RP'],
      ['pysiaalarm:case_xdata_M', false, ANY_CLOCK, 'signals', 'ACK', ['CL:new'], 'CL'],
      ['pysiaalarm:case_xdata_X_and_Y', false, ANY_CLOCK, 'signals', 'ACK', ['PA:new'], 'PA'],
      ['pysiaalarm:test_response_qualifier_in_ack', false, ANY_CLOCK, 'signals', 'ACK', ['RP:new'], 'RP'],
      ['pysiaalarm:test_response_qualifier_in_nak', false, DEFAULT_CLOCK, 'clock-drift', 'NAK', [], null],
      ['pysiaalarm-generated:SIA-DCS:RP:plain', false, ANY_CLOCK, 'signals', 'ACK', ['RP:new'], 'RP'],
      ['pysiaalarm-generated:SIA-DCS:RP:aes128', true, ANY_CLOCK, 'signals', 'ACK', ['RP:new'], 'RP'],
      ['pysiaalarm-generated:SIA-DCS:WA:plain', false, ANY_CLOCK, 'signals', 'ACK', ['WA:new'], 'WA'],
      ['pysiaalarm-generated:SIA-DCS:WA:aes128', true, ANY_CLOCK, 'signals', 'ACK', ['WA:new'], 'WA'],
      ['pysiaalarm-generated:SIA-DCS:ZX:plain', false, ANY_CLOCK, 'unknown-code', 'DUH', [], null],
      ['pysiaalarm-generated:SIA-DCS:ZX:aes128', true, ANY_CLOCK, 'unknown-code', 'DUH', [], null],
      ['pysiaalarm-generated:ADM-CID:RP:plain', false, ANY_CLOCK, 'signals', 'ACK', ['602:new'], 'RP'],
      ['pysiaalarm-generated:ADM-CID:RP:aes128', true, ANY_CLOCK, 'signals', 'ACK', ['602:new'], 'RP'],
      ['pysiaalarm-generated:ADM-CID:WA:plain', false, ANY_CLOCK, 'signals', 'ACK', ['113:new'], 'WA'],
      ['pysiaalarm-generated:ADM-CID:WA:aes128', true, ANY_CLOCK, 'signals', 'ACK', ['113:new'], 'WA'],
      ['pysiaalarm-generated:NULL:RP:plain', false, ANY_CLOCK, 'link-test', 'ACK', [], null],
      ['pysiaalarm-generated:NULL:RP:aes128', true, ANY_CLOCK, 'link-test', 'ACK', [], null],
      ['fioletoven:to_string_test', false, ANY_CLOCK, 'signals', 'ACK', ['RR:new'], null],
      ['fioletoven:parse_message_test', false, ANY_CLOCK, 'no-events', 'ACK', [], null],
      ['fioletoven:parse_nak_test', false, ANY_CLOCK, 'unsupported-id', 'DUH', [], null],
    ])('%s', (name, keyed, options, outcome, replyId, signalCodes, pysiaCode) => {
      const v = byName(name);
      const key = keyed ? keyOf(v) : undefined;
      const decision = decide(wrapFrame(fromQuote(v.raw)), lookupFor(v, keyed), NOW, options);
      expect(decision.outcome).toBe(outcome);
      expect(expectWellFormedReply(decision, key)).toBe(replyId);
      const signals = decision.verdict === 'accept' ? decision.signals : [];
      expect(signals.map((s) => `${s.code}:${s.qualifier}`)).toEqual(signalCodes);
      if (pysiaCode) expect(signals.map(siaEquivalent)).toEqual([pysiaCode]);
      if (typeof v.expected?.account === 'string' && decision.verdict === 'accept') expect(decision.account).toBe(v.expected.account);
    });

    it.each([
      ['pysiaalarm:case_encrypted'],
      ['pysiaalarm:case_encrypted_adm'],
      ['pysiaalarm:case_null'],
    ])('%s: encrypted for an account we do not know, NAKed like pysiaalarm does', (name) => {
      const decision = decide(wrapFrame(fromQuote(byName(name).raw)), () => undefined, NOW, DEFAULT_CLOCK);
      expect(decision.outcome).toBe('unknown-account');
      expect(expectWellFormedReply(decision)).toBe('NAK');
    });

    it.each([['pysiaalarm:case_xdata_K'], ['pysiaalarm:case_cl']])(
      '%s: unlike pysiaalarm, a plain message from an account that has a key is refused, with the NAK peers send for what they cannot decrypt',
      (name) => {
        const v = byName(name);
        const decision = decide(wrapFrame(fromQuote(v.raw)), () => ({ key: Buffer.from('AAAAAAAAAAAAAAAA') }), NOW, ANY_CLOCK);
        expect(decision.outcome).toBe('key-required');
        expect(expectWellFormedReply(decision)).toBe('NAK');
      },
    );
  });

  it.each(vectors.filter((v) => v.key && v.raw.includes('"*')).map((v) => [v.name, v] as const))('%s: decrypts with the key given', (_name, v) => {
    const cipher = v.raw.slice(v.raw.indexOf('[') + 1);
    const plain = decryptContent(cipher, keyOf(v) as Buffer);
    expect(plain).toEqual({ ok: true, plain: expect.stringMatching(/\]_16:04:02,07-09-2020$/) });
  });

  it("pysiaalarm's observed *ACK decrypts to the receiver timestamp", () => {
    const v = byName('pysiaalarm-generated:SIA-DCS:RP:aes128');
    const bytes = v.observed_pysiaalarm?.response_bytes ?? '';
    const cipher = bytes.slice(bytes.indexOf('[') + 1, -1);
    expect(decryptContent(cipher, keyOf(v) as Buffer)).toEqual({ ok: true, plain: ']_08:13:21,11-23-2026' });
  });

  it('fioletoven to_string_test parses into its stated fields', () => {
    const result = parseFrame(Buffer.from(byName('fioletoven:to_string_test').raw, 'latin1'), () => ({}));
    expect(result).toEqual({
      ok: true,
      frame: expect.objectContaining({ id: 'SIA-DCS', sequence: '0001', receiver: 'F3', line: '77', account: '1234', data: '#1234|NRR|Atest' }),
    });
  });

  it('fioletoven parse_nak_test reads as a NAK with its timestamp', () => {
    const reply = parseReply(Buffer.from(byName('fioletoven:parse_nak_test').raw, 'latin1'));
    expect(reply).toEqual({ ok: true, reply: expect.objectContaining({ id: 'NAK', timestamp: new Date('2025-09-24T16:20:01Z') }) });
  });
});

function wrapRaw(raw: string): Buffer {
  return Buffer.from(`\n${raw}\r`, 'latin1');
}

const contactId = codes.contact_id.events as Record<string, Record<string, string | null>>;

/** pysiaalarm reports Contact ID events by their SIA equivalent; map ours the same way to compare. */
function siaEquivalent(signal: { protocol: string; code: string; qualifier: string }): string | null {
  if (signal.protocol === 'SIA-DCS') return signal.code;
  return contactId[signal.code]?.[signal.qualifier === 'restore' ? 'sia_code_if_q3' : 'sia_code_if_q1'] ?? null;
}
