import { ConfigError } from '../domain/routing/config-error';
import { parseRoutingConfig } from '../domain/routing/parse-routing-config';
import { RoutingVersionEntity } from './routing-version.entity';
import { RoutingRulesVersion } from './routing-in-force';

/** A stored version compiled for use, or every reason its config is refused. */
export function compileVersion(row: RoutingVersionEntity): { ok: true; rules: RoutingRulesVersion } | { ok: false; errors: ConfigError[] } {
  const parsed = parseRoutingConfig(row.config);
  if (!parsed.ok) return parsed;
  return { ok: true, rules: { version: row.version, submitted: row.config, config: parsed.config, tree: parsed.tree, changedBy: row.changedBy, changedAt: row.changedAt, comment: row.comment } };
}

/** Errors one a line, each at its path, as a person fixing the file wants them. */
export function errorLines(errors: readonly ConfigError[]): string {
  return errors.map((error) => `  ${error.path || '(top)'}: ${error.message}`).join('\n');
}
