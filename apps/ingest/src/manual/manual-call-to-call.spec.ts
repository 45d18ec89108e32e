import { callReceivedSchema, manualCallSchema } from '@vigil/contracts';
import { manualCallToCall } from './manual-call-to-call';

const now = new Date('2026-11-23T03:10:00Z');
const entry = (fields: Record<string, unknown>) => manualCallSchema.parse({ source: 'Police Control', text: 'Male acting suspiciously by the cash machine', ...fields });

describe('manualCallToCall', () => {
  it.each([
    [{}, { callKey: 'manual:op-7:entry-1', source: 'Police Control', urgency: 'routine', location: {} }],
    [{ clientReference: 'form-42' }, { callKey: 'manual:op-7:form-42', sourceMessageId: 'form-42' }],
    [{ source: 'Controller', emergency: true, town: 'Hitchin', cameraId: 'NH-014' }, { source: 'Controller', urgency: 'emergency', location: { town: 'Hitchin', cameraId: 'NH-014' } }],
    [{ category: 'Theft', subcategory: 'Shoplifting' }, { categoryHint: { category: 'Theft', subcategory: 'Shoplifting' } }],
    [{ policeReference: 'CAD 1234 23/11', monitoringReason: 'matches description from police' }, { policeReference: 'CAD 1234 23/11', monitoringReason: 'matches description from police' }],
  ])('%j → %j', (fields, expected) => {
    const result = manualCallToCall(entry(fields), 'op-7', 'entry-1', now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.call).toMatchObject({ enteredBy: 'op-7', receivedAt: now.toISOString(), ...expected });
    expect(callReceivedSchema.parse(result.call)).toEqual(result.call);
  });

  it.each([
    [{ category: 'Spaceship' }, '"Spaceship" is not in the partnership\'s taxonomy'],
    [{ category: 'Theft', subcategory: 'Robbery' }, '"Theft / Robbery" is not in the partnership\'s taxonomy'],
    [{ subcategory: 'Robbery' }, 'a subcategory needs its category'],
  ])('refuses %j', (fields, reason) => {
    expect(manualCallToCall(entry(fields), 'op-7', 'entry-1', now)).toEqual({ ok: false, reason });
  });
});
