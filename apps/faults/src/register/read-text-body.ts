import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Reads a text body the platform's JSON parser left alone (a CSV upload), refusing one over
 * `limitBytes` with 413 as soon as it gets there rather than after holding all of it.
 */
export async function readTextBody(request: Request, limitBytes: number): Promise<string> {
  if (typeof request.body === 'string') return request.body;
  if (request.readableEnded) throw new BadRequestException('send the asset list as CSV with Content-Type: text/csv');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new PayloadTooLargeException(`an asset list may be at most ${limitBytes} bytes; split it`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
