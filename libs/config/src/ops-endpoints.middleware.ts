import type { RequestHandler, Response } from 'express';
import { bearerToken, isControlRoomStaff, verifyToken } from '@vigil/auth';
import { OpsEndpoints } from './platform.config';

// /metrics, and Swagger's /api/docs, /api/docs/<asset>, /api/docs-json and /api/docs-yaml; in any
// case, since Express routes /METRICS to the same handler.
const OPS_PATH = /^\/(?:metrics|api\/docs)(?:[-/]|$)/i;

function refuse(response: Response, statusCode: number, message: string): void {
  response.status(statusCode).json({ statusCode, message });
}

/** Serves `/metrics` and `/api/docs` to anyone, to control-room staff only, or not at all, as configured. */
export function opsEndpointsMiddleware(mode: OpsEndpoints, secret: string): RequestHandler {
  return (request, response, next) => {
    if (mode === 'public' || !OPS_PATH.test(request.path)) return next();
    if (mode === 'off') return refuse(response, 404, 'not served here (VIGIL_OPS_ENDPOINTS=off)');
    const token = bearerToken(request.headers.authorization);
    if (!token) return refuse(response, 401, 'send a control-room bearer token: Authorization: Bearer <token>');
    const checked = verifyToken(token, secret);
    if (!checked.ok) return refuse(response, 401, checked.reason);
    if (!isControlRoomStaff(checked.principal)) return refuse(response, 403, 'this is for control-room staff (police or operator tokens)');
    next();
  };
}
