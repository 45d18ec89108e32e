import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, WebhookSignatureCheck } from '../channels/webhook/webhook-signature';
import { HttpReceiver, ReceivedRequest, singleHeader, startHttpReceiver } from './http-receiver';

export type { ReceiverReply } from './http-receiver';

/** One request the receiver got, with its own verdict on the signature. */
export interface ReceivedWebhook extends ReceivedRequest {
  signature: WebhookSignatureCheck;
}

/** A real webhook receiver on a loopback port: it verifies each request as a partner's system would; unscripted, a signed request gets 200 and a badly signed one 401. */
export type WebhookReceiver = HttpReceiver<ReceivedWebhook>;

/** Starts a receiver on a free port that checks signatures with `secret`. */
export function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  return startHttpReceiver('/vigil/alerts', (request) => {
    const signature = verifyWebhookSignature(
      { timestamp: singleHeader(request.headers, WEBHOOK_TIMESTAMP_HEADER), signature: singleHeader(request.headers, WEBHOOK_SIGNATURE_HEADER), body: request.body },
      secret,
      new Date(),
    );
    return { received: { ...request, signature }, status: signature.ok ? 200 : 401 };
  });
}
