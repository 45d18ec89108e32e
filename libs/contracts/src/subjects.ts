/**
 * Subjects of the bus. Gateways publish their own payloads under `gw.`; Vigil's services publish
 * CloudEvents under the producing domain. The tenant (partner) sits in the subject where one
 * exists so NATS permissions and consumers can filter on it.
 */
export const SUBJECTS = {
  /** Everything gateways publish. */
  gateways: 'gw.>',
  airwave: {
    all: 'gw.airwave.>',
    sds: (gatewayId: string) => `gw.airwave.${gatewayId}.sds`,
    status: (gatewayId: string) => `gw.airwave.${gatewayId}.status`,
    heartbeat: (gatewayId: string) => `gw.airwave.${gatewayId}.heartbeat`,
  },
  calls: 'call.>',
  incidents: 'incident.>',
  incidentsOf: (partnerId: string) => `incident.${partnerId}.>`,
  faults: 'fault.>',
  deadLetters: 'dlq.>',
} as const;

/** The message kind an Airwave gateway subject carries (`gw.airwave.<gateway>.<kind>`). */
export function airwaveKindOf(subject: string): string | undefined {
  const parts = subject.split('.');
  const at = parts.indexOf('airwave');
  return at >= 0 && parts.length === at + 3 ? parts[at + 2] : undefined;
}
