import { ApiBody } from '@nestjs/swagger';

/** A POST that takes no fields (an acknowledgement, an expiry): documented as an optional empty object. */
export const ApiEmptyBody = (): MethodDecorator => ApiBody({ required: false, description: 'No fields: send `{}` or nothing.', schema: { type: 'object', properties: {} } });

/** A small HTML page (the signed acknowledgement link's). */
export const HTML_PAGE = { 'text/html': { schema: { type: 'string' as const, description: 'a small page for a person on a phone' } } };
