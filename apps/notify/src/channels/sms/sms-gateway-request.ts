/** The JSON body the SMS/pager gateway gets; one text for all the numbers. */
export interface SmsGatewayRequest {
  /** The channel's numbers, as configured (`+447700900123`, pager numbers). */
  to: string[];
  /** At most 160 GSM-7 characters where the reference and link allow: one SMS segment. */
  text: string;
  /** The same on every attempt, also sent as `Idempotency-Key`: a gateway that has seen it has sent this text already. */
  deliveryId: string;
}
