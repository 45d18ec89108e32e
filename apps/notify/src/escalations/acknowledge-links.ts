import { Inject, Injectable } from '@nestjs/common';
import type { PlannedDelivery } from '../domain';
import { NOTIFY_OPTIONS, NotifyOptions } from '../notify.options';
import { signAcknowledgeLink } from './acknowledge-link-token';

/** How long a link in a message acknowledges: a shift and then some. */
const LINK_LIFETIME_MS = 24 * 3_600_000;

/** The path a link opens (through the dashboard, which forwards /api/notify to notify). */
export const ACKNOWLEDGE_LINK_PATH = 'api/notify/acknowledge';

/** Signed acknowledgement links for what a delivery tells; none when notify has no public address or link secret. */
@Injectable()
export class AcknowledgeLinks {
  constructor(@Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions) {}

  forDelivery(delivery: PlannedDelivery, now = new Date()): Record<string, string> {
    const links = this.options.acknowledgeLinks;
    if (!links) return {};
    const base = links.publicUrl.endsWith('/') ? links.publicUrl : `${links.publicUrl}/`;
    const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
    const firing = delivery.alerts.filter((alert) => alert.status === 'firing');
    return Object.fromEntries(
      firing.map((alert) => [alert.fingerprint, `${base}${ACKNOWLEDGE_LINK_PATH}/${signAcknowledgeLink({ fingerprint: alert.fingerprint, version: alert.version, receiver: delivery.receiver, expiresAt }, links.secret)}`]),
    );
  }
}
