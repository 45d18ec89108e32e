import { ConflictException, ForbiddenException, HttpStatus, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

/** What a 409 shows of a versioned record (an incident, a ticket). */
interface Versioned {
  reference: string;
  version: number;
}

/**
 * Why a command on a versioned record did not happen. `not-found` also stands for a record the
 * caller may not see, so its existence does not leak; `what` names it ("incident 4f…", "ticket …").
 */
export type CommandRefusal<R extends Versioned> =
  | { kind: 'not-found'; what: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'stale'; sentVersion: number; current: R }
  | { kind: 'refused'; reason: string; message: string };

/** Body of a 422: the state or the content does not allow the command; `reason` is the named refusal. */
export interface RefusedCommandResponse {
  statusCode: 422;
  message: string;
  reason: string;
}

/** Body of a 409: the record as it is now, never merged with the stale edit. */
export interface StaleRecordResponse<R> {
  statusCode: 409;
  message: string;
  sentVersion: number;
  current: R;
}

/**
 * Throws the HTTP answer to a refused command, the same for every app's records: 404 (missing or
 * not the caller's to see), 403 (the caller's role may not), 409 with the current record (a stale
 * version is refused, never merged), 422 with the named refusal.
 */
export function throwRefusal<R extends Versioned>(refusal: CommandRefusal<R>): never {
  switch (refusal.kind) {
    case 'not-found':
      throw new NotFoundException(`no ${refusal.what}`);
    case 'forbidden':
      throw new ForbiddenException(refusal.message);
    case 'stale': {
      const body: StaleRecordResponse<R> = {
        statusCode: HttpStatus.CONFLICT,
        message: `${refusal.current.reference} has changed since version ${refusal.sentVersion}: it is at version ${refusal.current.version}; look again and retry`,
        sentVersion: refusal.sentVersion,
        current: refusal.current,
      };
      throw new ConflictException(body);
    }
    case 'refused': {
      const body: RefusedCommandResponse = { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: refusal.message, reason: refusal.reason };
      throw new UnprocessableEntityException(body);
    }
  }
}
