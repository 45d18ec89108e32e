import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { cameraListQuerySchema, cameraSchema, registerCameraSchema, updateCameraSchema } from '@vigil/contracts';
import { ApiZodBody, ApiZodQuery, ERROR_SCHEMA, openApiSchema } from '@vigil/config';

const CAMERA = openApiSchema(cameraSchema, 'output');
const READERS = 'Who: any session token; police, operators and the contractor see every camera, a partner its own.';
const WRITERS = 'Who: operators (the control room keeps the register); others get 403.';

const CONFLICT: SchemaObject = {
  type: 'object',
  description: 'CameraConflictResponse: the camera exists already (register), or changed since the version sent (update); `current` is it as it is now.',
  properties: { statusCode: { type: 'number', enum: [409] }, message: { type: 'string' }, sentVersion: { type: 'number', nullable: true }, current: CAMERA },
};
const REFUSED: SchemaObject = {
  type: 'object',
  properties: { statusCode: { type: 'number', enum: [422] }, message: { type: 'string' }, reason: { type: 'string', description: 'site-of-another-owner, unchanged or one-owner' } },
};
const IMPORT_RESULT: SchemaObject = {
  type: 'object',
  properties: {
    registered: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
    refused: {
      type: 'array',
      items: { type: 'object', properties: { line: { type: 'integer' }, cameraId: { type: 'string', nullable: true }, problems: { type: 'array', items: { type: 'string' } } } },
    },
  },
};
const forbidden = () => ApiForbiddenResponse({ description: 'Not the control room.', schema: ERROR_SCHEMA });
const missing = () => ApiNotFoundResponse({ description: 'No such camera, or not one the caller may see.', schema: ERROR_SCHEMA });

/** GET /api/cameras. */
export const ApiListCameras = () =>
  applyDecorators(ApiOperation({ summary: 'Cameras of the register the caller may see, filtered and paged, by id', description: READERS }), ApiZodQuery(cameraListQuerySchema), ApiOkResponse({ schema: { type: 'array', items: CAMERA } }));

/** GET /api/cameras/:id. */
export const ApiOneCamera = () =>
  applyDecorators(ApiOperation({ summary: 'One camera of the register', description: READERS }), ApiParam({ name: 'id', description: 'camera id, e.g. NH-014' }), ApiOkResponse({ schema: CAMERA }), missing());

/** POST /api/cameras. */
export const ApiRegisterCamera = () =>
  applyDecorators(
    ApiOperation({ summary: 'Register a camera (in service; retention 28 days unless given)', description: `${WRITERS} Announced as camera.<owner>.registered.` }),
    ApiZodBody(registerCameraSchema),
    ApiCreatedResponse({ schema: CAMERA }),
    forbidden(),
    ApiConflictResponse({ description: 'Already registered.', schema: CONFLICT }),
    ApiResponse({ status: 422, description: 'The site belongs to another owner.', schema: REFUSED }),
  );

/** PATCH /api/cameras/:id. */
export const ApiUpdateCamera = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Change a camera: its record, or withdraw it from public view, return it to service, decommission it',
      description: `${WRITERS} Names the version seen; a fault keeps the camera faulty whatever the status asked.`,
    }),
    ApiParam({ name: 'id', description: 'camera id' }),
    ApiZodBody(updateCameraSchema),
    ApiOkResponse({ schema: CAMERA }),
    forbidden(),
    missing(),
    ApiConflictResponse({ description: 'Stale version: nothing was changed.', schema: CONFLICT }),
    ApiResponse({ status: 422, description: 'Nothing would change, two owners, or a site of another owner.', schema: REFUSED }),
  );

/** POST /api/cameras/import. */
export const ApiImportCameras = () =>
  applyDecorators(
    ApiOperation({
      summary: "Import a council's asset list (CSV, RFC 4180, header first)",
      description:
        `${WRITERS} Columns are matched by name without case or punctuation ("Camera No.", "Asset Ref", "Location", "Town", "Owner", "Cabinet", "Transmission", "Latitude", "Longitude", "Camera Type", "Pro-active/Reactive", "Retention (days)"). ` +
        'New cameras are registered, changed ones updated, the rest left alone, in one transaction; refused rows are listed by line with every problem and do not stop the others.',
    }),
    ApiConsumes('text/csv'),
    ApiBody({ schema: { type: 'string', example: 'Asset Ref,Camera No.,Location,Town,Owner,Cabinet,Latitude,Longitude,Camera Type,Pro-active/Reactive\r\nNH-014,14,Market Place,Hitchin Town Centre,north-herts,hitchin-market,51.9492,-0.2801,PTZ dome,Pro-active\r\n' } }),
    ApiOkResponse({ schema: IMPORT_RESULT }),
    ApiResponse({ status: 400, description: 'Not CSV, or a header without the columns needed (named).', schema: ERROR_SCHEMA }),
    forbidden(),
  );
