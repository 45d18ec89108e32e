import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { ConfigError } from '@vigil/config';
import { parseRoutingConfig } from '../domain/routing/parse-routing-config';
import { errorLines } from './compile-version';
import type { RoutingFile } from '../notify.options';

/**
 * Reads and validates the routing file at start-up. YAML is a superset of JSON, so one parser reads
 * both. A file that cannot be read, parsed or validated stops start-up, every error at its path
 * (`rules[2].receiver`), so a bad deploy never runs with rules nobody meant.
 */
export function readRoutingFile(path: string): RoutingFile {
  const refuse = (why: string) => new ConfigError(`Vigil cannot start, VIGIL_NOTIFY_ROUTING_FILE ${path} ${why}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw refuse(`cannot be read: ${(error as Error).message}`);
  }
  let content: unknown;
  try {
    content = load(text, { filename: path });
  } catch (error) {
    throw refuse(`is neither YAML nor JSON: ${(error as Error).message}`);
  }
  const parsed = parseRoutingConfig(content);
  if (!parsed.ok) throw refuse(`is refused:\n${errorLines(parsed.errors)}`);
  return { path, content };
}
