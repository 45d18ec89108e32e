import { CallReceived, findTownInText } from '@vigil/contracts';
import { AccountRecord, ClassifiedSignal, SignalContext } from '../alarms';

/** What of the receiver's context a call needs. */
export type CallContext = Pick<SignalContext, 'account' | 'receivedAt' | 'messageKey'> & {
  record: AccountRecord;
  occurredAt?: Date;
};

function numberText(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function summaryOf(signal: ClassifiedSignal, record: AccountRecord, zoneName: string | undefined): string {
  const what = signal.qualifier === 'restore' ? `RESTORE ${signal.description}` : signal.description;
  const where = signal.zone !== undefined ? ` zone ${signal.zone}${zoneName ? ` (${zoneName})` : ''}` : '';
  const who = signal.user !== undefined ? ` user ${signal.user}${record.users[String(signal.user)] ? ` (${record.users[String(signal.user)]})` : ''}` : '';
  return `${what}${where}${who}: ${record.site}, ${record.address}`;
}

/**
 * The calls an alarm message makes: one per signal that is incident material (intruder,
 * personal attack, fire, tamper …) and its restores; test reports, arming and troubles only
 * feed supervision. A new personal-attack alarm is an emergency.
 */
export function alarmSignalsToCalls(signals: ClassifiedSignal[], context: CallContext): CallReceived[] {
  const { record } = context;
  const town = findTownInText(record.address);
  return signals.flatMap((signal, index) => {
    const { classification } = signal;
    if (!classification.incident || !classification.category) return [];
    const zoneName = signal.zone !== undefined ? record.zones[String(signal.zone)] : undefined;
    const emergency = classification.kind === 'personal-attack' && signal.qualifier === 'new';
    const call: CallReceived = {
      callKey: `alarm:${context.messageKey}:${index}`,
      source: 'Alarm',
      sourceMessageId: `${context.messageKey}:${index}`,
      receivedAt: context.receivedAt.toISOString(),
      occurredAt: (context.occurredAt ?? context.receivedAt).toISOString(),
      urgency: emergency ? 'emergency' : 'routine',
      summary: summaryOf(signal, record, zoneName),
      categoryHint: { category: classification.category, ...(classification.subcategory ? { subcategory: classification.subcategory } : {}) },
      location: { alarmAccount: context.account, partnerId: record.partnerId, ...(town ? { town: town.town } : {}) },
      alarm: {
        account: context.account,
        protocol: signal.protocol,
        code: signal.code,
        qualifier: signal.qualifier,
        kind: classification.kind,
        ...(signal.zone !== undefined ? { zone: numberText(signal.zone) } : {}),
        ...(zoneName ? { zoneName } : {}),
        ...(signal.user !== undefined ? { user: numberText(signal.user) } : {}),
        ...(signal.partition !== undefined ? { partition: numberText(signal.partition) } : {}),
        site: record.site,
        address: record.address,
      },
      raw: { protocol: signal.protocol, code: signal.code, qualifier: signal.qualifier, text: signal.text ?? null },
    };
    return [call];
  });
}
