import { AlarmSignal, PayloadResult, Qualifier } from './alarm-signal';
import { contactIdEvent } from './event-codes';

const CONTACT_ID = /^(?:#[0-9A-Fa-f]{3,16})?\|?(\d)(\d{3}) (\d{2}) (\d{3})$/;
const QUALIFIERS: Record<string, Qualifier> = { '1': 'new', '3': 'restore', '6': 'status' };

/** Reads an ADM-CID data block `#ACCT|QXYZ GG CCC` (Contact ID) into one signal. */
export function parseAdmCidData(data: string): PayloadResult {
  const m = CONTACT_ID.exec(data);
  if (!m) return { ok: false, reason: `ADM-CID data "${data.slice(0, 32)}" is not #ACCT|QXYZ GG CCC` };
  const [, q, code, group, ccc] = m;
  const qualifier = QUALIFIERS[q];
  if (!qualifier) return { ok: false, reason: `Contact ID qualifier ${q} is not 1, 3 or 6` };
  const entry = contactIdEvent(code);
  const signal: AlarmSignal = {
    protocol: 'ADM-CID',
    code,
    qualifier,
    description: entry?.description ?? `${entry ? 'Contact ID' : 'Unknown Contact ID code'} ${code}`,
  };
  if (!entry) signal.unknownCode = true;
  // 00 and 000 are Contact ID's "none" for the group and the zone/user fields.
  if (group !== '00') signal.partition = Number(group);
  if (ccc !== '000') {
    if (entry?.ccc_field === 'user') signal.user = Number(ccc);
    else signal.zone = Number(ccc);
  }
  return { ok: true, signals: [signal] };
}
