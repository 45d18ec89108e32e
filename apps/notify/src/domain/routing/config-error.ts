import type { z } from 'zod';

/** Why a routing config was refused, at the path of the offending field (`rules[2].matchers[0].matches`). */
export interface ConfigError {
  path: string;
  message: string;
}

/** Spells a path the way people read a config file: `rules[2].receiver`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** zod's issues as config errors. */
export function schemaErrors(error: z.ZodError): ConfigError[] {
  return error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}
