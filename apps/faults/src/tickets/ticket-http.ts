import { ConflictException, ForbiddenException, HttpStatus, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { FaultTicket, StaleTicketResponse } from '@vigil/contracts';
import { TicketResult } from './ticket-result';

/**
 * The HTTP answer to a ticket command: the ticket (200, or 201 when a report opened it), or 404 (no
 * such ticket or camera, or not the caller's to see), 403, 409 with the current ticket (stale
 * version, never merged), 422 with the named refusal.
 */
export function answerTicket(result: TicketResult): FaultTicket {
  switch (result.kind) {
    case 'opened':
    case 'already-open':
    case 'changed':
      return result.ticket;
    case 'not-found':
      throw new NotFoundException(`no ${result.what}`);
    case 'forbidden':
      throw new ForbiddenException(result.message);
    case 'stale': {
      const body: StaleTicketResponse = {
        statusCode: HttpStatus.CONFLICT,
        message: `${result.current.reference} has changed since version ${result.sentVersion}: it is at version ${result.current.version}; look again and retry`,
        sentVersion: result.sentVersion,
        current: result.current,
      };
      throw new ConflictException(body);
    }
    case 'refused':
      throw new UnprocessableEntityException({ statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: result.message, reason: result.reason });
  }
}
