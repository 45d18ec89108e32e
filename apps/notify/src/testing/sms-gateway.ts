import type { SmsGatewayRequest } from '../channels/sms/sms-gateway-request';
import { HttpReceiver, ReceivedRequest, singleHeader, startHttpReceiver } from './http-receiver';

/** One request the gateway got: the JSON it read, and whether the bearer token was the one it issued. */
export interface ReceivedSms extends ReceivedRequest {
  payload: SmsGatewayRequest;
  authorised: boolean;
}

/** A real SMS/pager gateway stand-in on a loopback port: unscripted, it answers 200 to the right bearer token and 401 to any other. */
export type SmsGateway = HttpReceiver<ReceivedSms>;

/** Starts a gateway on a free port that accepts `token`. */
export function startSmsGateway(token: string): Promise<SmsGateway> {
  return startHttpReceiver('/v1/messages', (request) => {
    const authorised = singleHeader(request.headers, 'authorization') === `Bearer ${token}`;
    return { received: { ...request, payload: JSON.parse(request.body) as SmsGatewayRequest, authorised }, status: authorised ? 200 : 401 };
  });
}
