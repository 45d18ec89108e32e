import type { NextFunction, Request, RequestHandler, Response } from 'express';

const OVERSIZE = Symbol('oversize body');

type WithOversize = Request & { [OVERSIZE]?: number };

/**
 * Reads a request body as raw bytes, keeping at most `limitBytes` of it. A larger body is not an
 * error here: its prefix becomes `request.body` and {@link oversizeBodyBytes} says how large it
 * was, so the handler can keep it as a dead letter and answer 413 itself.
 */
export function boundedRawBody(limitBytes: number): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let totalBytes = 0;
    request.on('data', (chunk: Buffer) => {
      totalBytes += chunk.length;
      if (keptBytes >= limitBytes) return;
      const part = chunk.subarray(0, limitBytes - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    });
    request.once('end', () => {
      // The stream is now read to its end, which the JSON parser after this one takes as "already parsed".
      request.body = Buffer.concat(kept);
      if (totalBytes > limitBytes) (request as WithOversize)[OVERSIZE] = totalBytes;
      next();
    });
    request.once('error', next);
  };
}

/** The full size of a body {@link boundedRawBody} cut short, or undefined when it was read whole. */
export function oversizeBodyBytes(request: Request): number | undefined {
  return (request as WithOversize)[OVERSIZE];
}
