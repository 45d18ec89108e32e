import { Injectable } from '@nestjs/common';
import type { RoutingConfig } from '../domain/routing/routing-config.schema';
import type { RoutingTree } from '../domain/routing/routing-tree';

/** A stored version of the rules, compiled and ready to route with. */
export interface RoutingRulesVersion {
  version: number;
  /** As submitted (durations as written): what the API shows and an edit starts from. */
  submitted: unknown;
  config: RoutingConfig;
  tree: RoutingTree;
  changedBy: string;
  changedAt: Date;
  comment: string;
}

/**
 * The routing rules in force in this process. The pipeline reads `current()` for every alert, so a
 * change accepted over the API applies to the next alert without a restart.
 */
@Injectable()
export class RoutingInForce {
  private rules: RoutingRulesVersion | undefined;

  /** The newest version, or undefined before any rules were stored. */
  current(): RoutingRulesVersion | undefined {
    return this.rules;
  }

  /** Puts a version in force unless a newer one already is (two changes can finish out of order). */
  replace(next: RoutingRulesVersion): void {
    if (!this.rules || next.version > this.rules.version) this.rules = next;
  }
}
