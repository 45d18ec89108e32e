import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

/**
 * Parses a body or query with its contract schema: the handler gets the parsed value, the caller
 * a 400 naming each field that is wrong (`grade: Too big: expected number to be <=4`).
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems.join('; '), problems });
  }
}
