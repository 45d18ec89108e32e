import { ConflictException, ForbiddenException, HttpStatus, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Incident, StaleIncidentResponse } from '@vigil/contracts';
import { LifecycleResult } from './lifecycle-result';

/** Body of a 422: the state or the content does not allow the command; `reason` is the named refusal. */
export interface RefusedCommandResponse {
  statusCode: 422;
  message: string;
  reason: string;
}

/**
 * The HTTP answer to a command: the incident after it (200), or 404 (no such incident, or not
 * the caller's to see), 403 (the caller's role may not), 409 with the current incident (stale
 * version, never merged), 422 with the named refusal.
 */
export function answerCommand(result: LifecycleResult): Incident {
  switch (result.kind) {
    case 'changed':
      return result.incident;
    case 'not-found':
      throw new NotFoundException(`no incident ${result.incidentId}`);
    case 'forbidden':
      throw new ForbiddenException(result.message);
    case 'stale': {
      const body: StaleIncidentResponse = {
        statusCode: HttpStatus.CONFLICT,
        message: `${result.current.reference} has changed since version ${result.sentVersion}: it is at version ${result.current.version}; look again and retry`,
        sentVersion: result.sentVersion,
        current: result.current,
      };
      throw new ConflictException(body);
    }
    case 'refused': {
      const body: RefusedCommandResponse = { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: result.message, reason: result.reason };
      throw new UnprocessableEntityException(body);
    }
  }
}
