import { CallReceived, isKnownCategory, ManualCall } from '@vigil/contracts';

/** A manual call made normal, or why it cannot be. */
export type ManualCallResult = { ok: true; call: CallReceived } | { ok: false; reason: string };

/**
 * Turns an operator's entry into the normalised call. The call key is the operator's own
 * reference where given, so a form submitted twice (a double click, a retry after a timeout)
 * is one call.
 */
export function manualCallToCall(input: ManualCall, enteredBy: string, entryId: string, now: Date): ManualCallResult {
  if (input.category && !isKnownCategory(input.category, input.subcategory)) {
    return { ok: false, reason: `"${input.category}${input.subcategory ? ` / ${input.subcategory}` : ''}" is not in the partnership's taxonomy` };
  }
  if (input.subcategory && !input.category) return { ok: false, reason: 'a subcategory needs its category' };
  const messageId = input.clientReference ?? entryId;
  return {
    ok: true,
    call: {
      callKey: `manual:${enteredBy}:${messageId}`,
      source: input.source,
      sourceMessageId: messageId,
      receivedAt: now.toISOString(),
      occurredAt: input.occurredAt ?? now.toISOString(),
      urgency: input.emergency ? 'emergency' : 'routine',
      summary: input.text,
      ...(input.category ? { categoryHint: { category: input.category, ...(input.subcategory ? { subcategory: input.subcategory } : {}) } } : {}),
      location: { ...(input.town ? { town: input.town } : {}), ...(input.cameraId ? { cameraId: input.cameraId } : {}) },
      enteredBy,
      ...(input.policeReference ? { policeReference: input.policeReference } : {}),
      ...(input.monitoringReason ? { monitoringReason: input.monitoringReason } : {}),
      raw: input,
    },
  };
}
