import { ApiClient } from './api-client';
import { acknowledgeState, AcknowledgeState } from './notification-list';

/** Notify's REST calls the page makes. */
export class NotifyApi extends ApiClient {
  /** Says the signed-in person has the alert (stops its escalation); never throws for a refusal or a failure. */
  async acknowledge(fingerprint: string): Promise<AcknowledgeState> {
    return acknowledgeState(await this.postJson(`/api/notify/alerts/${encodeURIComponent(fingerprint)}/acknowledge`, {}));
  }
}
