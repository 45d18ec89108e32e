import { AlarmSignal, PayloadResult } from './alarm-signal';
import { siaCode } from './event-codes';

const ACCOUNT_PREFIX = /^(?:#[0-9A-Fa-f]{3,16})?\|/;
const NEW_EVENT = /^N(?=[a-z]{2}|[A-Z]{2}|\/|$)/;
const MODIFIER = /^([a-z]{2})([0-9:-]*)/;
const EVENT = /^([A-Z]{2})(\d{0,6})(.*)$/;

interface Modifiers {
  partition?: number;
  user?: number;
}

/**
 * Reads a SIA-DCS data block such as `#1234|Nri1/BA01/BA02^Hall^` into signals.
 * Lower-case modifiers (`ri` area, `id` user, `ti` time, ...) hold for the events after them
 * until changed; `/` separates events; `^text^` or a trailing `|A text` block is event text.
 */
export function parseSiaDcsData(data: string): PayloadResult {
  const body = data.replace(ACCOUNT_PREFIX, '');
  const bar = body.indexOf('|');
  const events = (bar === -1 ? body : body.slice(0, bar)).replace(NEW_EVENT, '');
  const blockText = bar === -1 ? undefined : cleanText(body.slice(bar + 1).replace(/^A/, ''));
  const modifiers: Modifiers = {};
  const signals: AlarmSignal[] = [];
  for (const segment of events.split('/')) {
    const rest = readModifiers(segment, modifiers);
    if (rest === '') continue;
    const m = EVENT.exec(rest);
    if (!m) return { ok: false, reason: `SIA event "${rest.slice(0, 32)}" is not a two-letter code` };
    signals.push(toSignal(m[1], m[2], cleanText(m[3]) ?? blockText, modifiers));
  }
  return { ok: true, signals };
}

function readModifiers(segment: string, into: Modifiers): string {
  let rest = segment;
  for (let m = MODIFIER.exec(rest); m; m = MODIFIER.exec(rest)) {
    const value = /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
    if (m[1] === 'ri') into.partition = value;
    if (m[1] === 'id') into.user = value;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

function toSignal(code: string, digits: string, text: string | undefined, modifiers: Modifiers): AlarmSignal {
  const entry = siaCode(code);
  const signal: AlarmSignal = {
    protocol: 'SIA-DCS',
    code,
    qualifier: entry && /restor/i.test(entry.type) ? 'restore' : 'new',
    description: entry ? entry.type : `Unknown SIA code ${code}`,
    ...definedOnly(modifiers),
  };
  if (!entry) signal.unknownCode = true;
  if (text) signal.text = text;
  if (digits) placeNumber(signal, Number(digits), entry?.concerns ?? 'Zone or point');
  return signal;
}

function placeNumber(signal: AlarmSignal, value: number, concerns: string): void {
  if (concerns === 'Unused') return;
  if (concerns.startsWith('User')) signal.user = value;
  else if (concerns === 'Area number') signal.partition = value;
  else signal.zone = value;
}

function definedOnly(modifiers: Modifiers): Modifiers {
  const out: Modifiers = {};
  if (modifiers.partition !== undefined) out.partition = modifiers.partition;
  if (modifiers.user !== undefined) out.user = modifiers.user;
  return out;
}

function cleanText(raw: string): string | undefined {
  const text = raw.replace(/\^/g, ' ').trim();
  return text === '' ? undefined : text;
}
