import { ConflictException, ForbiddenException, HttpStatus, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Camera } from '@vigil/contracts';
import { RegisterResult } from './register-result';

/** Body of a 409 on the register: the camera as it is now, and the version sent (if any). */
export interface CameraConflictResponse {
  statusCode: 409;
  message: string;
  sentVersion: number | null;
  current: Camera;
}

/** The HTTP answer to a register command: the camera (200/201), or 404, 403, 409 with the current camera, 422 with the named refusal. */
export function answerRegister(result: RegisterResult): Camera {
  switch (result.kind) {
    case 'saved':
      return result.camera;
    case 'not-found':
      throw new NotFoundException(`no camera ${result.cameraId}`);
    case 'forbidden':
      throw new ForbiddenException(result.message);
    case 'exists': {
      const body: CameraConflictResponse = { statusCode: HttpStatus.CONFLICT, message: `camera ${result.current.cameraId} is already registered; change it with PATCH`, sentVersion: null, current: result.current };
      throw new ConflictException(body);
    }
    case 'stale': {
      const body: CameraConflictResponse = {
        statusCode: HttpStatus.CONFLICT,
        message: `camera ${result.current.cameraId} has changed since version ${result.sentVersion}: it is at version ${result.current.version}; look again and retry`,
        sentVersion: result.sentVersion,
        current: result.current,
      };
      throw new ConflictException(body);
    }
    case 'refused':
      throw new UnprocessableEntityException({ statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: result.message, reason: result.reason });
  }
}
