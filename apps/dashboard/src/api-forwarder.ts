import { request as httpRequest, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiOwnerUrls, apiOwnerOf } from './api-owners';

// Hop-by-hop headers belong to one connection (RFC 9110 §7.6.1); the body is re-framed here, so its length is too.
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length']);

/**
 * Forwards the page's `/api/...` calls that another app owns (sources and dead letters to ingest,
 * incidents to triage, tickets and cameras to faults) when the apps run as separate processes. The Authorization header goes
 * unchanged: each owner checks its own access. Paths nobody else owns fall through to the dashboard.
 */
export function apiForwarder(owners: ApiOwnerUrls): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const owner = apiOwnerOf(request.originalUrl);
    const base = owner ? owners[owner] : undefined;
    if (!owner || !base) {
      next();
      return;
    }
    const target = new URL(request.originalUrl, base);
    const body = bodyOf(request);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: request.method, headers: forwardedHeaders(request.headers, body) }, (answer) => {
      response.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !NOT_FORWARDED.has(name)) response.setHeader(name, value);
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      if (response.headersSent) response.destroy(error);
      else response.status(502).json({ statusCode: 502, message: `${owner} cannot be reached at ${base}: ${error.message}` });
    });
    if (body) upstream.end(body);
    else request.pipe(upstream);
  };
}

/** A body the dashboard's own parsers already read, as bytes again; undefined while it is still in the stream. */
function bodyOf(request: Request): Buffer | undefined {
  if (!request.readableEnded) return undefined;
  if (Buffer.isBuffer(request.body)) return request.body;
  return request.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(request.body));
}

function forwardedHeaders(headers: IncomingHttpHeaders, body: Buffer | undefined): OutgoingHttpHeaders {
  const forwarded: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !NOT_FORWARDED.has(name)) forwarded[name] = value;
  if (body) forwarded['content-length'] = body.byteLength;
  else if (headers['content-length'] !== undefined) forwarded['content-length'] = headers['content-length'];
  else if (headers['transfer-encoding'] !== undefined) forwarded['transfer-encoding'] = headers['transfer-encoding'];
  return forwarded;
}
