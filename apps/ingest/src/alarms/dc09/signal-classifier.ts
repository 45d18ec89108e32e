import { AlarmSignal } from './alarm-signal';
import { siaCode } from './event-codes';
import { contactIdKind, SignalKind, siaKind } from './signal-kinds';

/** Where a signal lands in the partnership's taxonomy, and whether it is incident material at all. */
export interface Classification {
  kind: SignalKind;
  /** Taxonomy category name; null when the signal is not an incident (tests, arming, faults). */
  category: string | null;
  subcategory: string | null;
  incident: boolean;
}

/** A signal with its classification, as the receiver hands it on. */
export interface ClassifiedSignal extends AlarmSignal {
  classification: Classification;
}

const ALARM = 'Alarm Activation';
const TAXONOMY: Partial<Record<SignalKind, [string, string | null]>> = {
  intruder: [ALARM, 'Intruder Alarm'],
  'personal-attack': [ALARM, 'Personal Attack'],
  fire: ['Arson/Fire', null],
  tamper: [ALARM, 'Monitored site'],
  'ac-loss': [ALARM, 'Monitored site'],
  other: [ALARM, 'Monitored site'],
};

/** Maps a signal to its kind and taxonomy category; restores keep their alarm's category so triage can pair them. */
export function classifySignal(signal: AlarmSignal): Classification {
  const kind = signal.protocol === 'SIA-DCS' ? siaKind(signal.code) : contactIdKind(signal.code);
  const incident = kind === 'other' ? isOtherAlarm(signal) : kind in TAXONOMY;
  const [category, subcategory] = incident ? (TAXONOMY[kind] ?? [null, null]) : [null, null];
  return { kind, category, subcategory, incident };
}

/** Adds the classification to each signal. */
export function classifySignals(signals: AlarmSignal[]): ClassifiedSignal[] {
  return signals.map((signal) => ({ ...signal, classification: classifySignal(signal) }));
}

// Gas, water, medical, freeze and untyped-zone alarms still need an operator's eyes,
// and so does a code no table knows: it may be an alarm.
function isOtherAlarm(signal: AlarmSignal): boolean {
  if (signal.unknownCode) return true;
  if (signal.protocol === 'ADM-CID') return /^1\d\d$/.test(signal.code);
  return /alarm/i.test(siaCode(signal.code)?.type ?? '');
}
