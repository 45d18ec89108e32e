import { PassThrough } from 'node:stream';
import type { Request, Response } from 'express';
import { boundedRawBody, oversizeBodyBytes } from './bounded-raw-body';

async function read(chunks: string[], limitBytes: number): Promise<Request> {
  const request = new PassThrough() as unknown as Request;
  const done = new Promise<void>((resolve, reject) => boundedRawBody(limitBytes)(request, {} as Response, (error?: unknown) => (error ? reject(error) : resolve())));
  for (const chunk of chunks) (request as unknown as PassThrough).write(chunk);
  (request as unknown as PassThrough).end();
  await done;
  return request;
}

describe('boundedRawBody', () => {
  it.each([
    ['an empty body', [], 8, '', undefined],
    ['a body within the limit', ['{"a":', '1}'], 8, '{"a":1}', undefined],
    ['a body exactly at the limit', ['12345678'], 8, '12345678', undefined],
    ['a body over the limit in one chunk', ['123456789'], 8, '12345678', 9],
    ['a body over the limit across chunks', ['12345', '67890', 'abc'], 8, '12345678', 13],
  ])('keeps %s as a prefix and its full size', async (_name, chunks, limit, kept, oversize) => {
    const request = await read(chunks, limit);
    expect((request.body as Buffer).toString()).toBe(kept);
    expect(oversizeBodyBytes(request)).toBe(oversize);
  });
});
