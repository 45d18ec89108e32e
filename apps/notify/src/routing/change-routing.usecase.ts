import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Principal } from '@vigil/auth';
import { parseRoutingConfig } from '../domain/routing/parse-routing-config';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { ChangeRouting, ChangeRoutingResult } from './change-routing';
import { mayChangeRouting } from './routing-access';
import { RoutingInForce } from './routing-in-force';
import { RoutingVersionEntity } from './routing-version.entity';
import { NO_ROUTING, toRoutingView } from './routing-view';

const UNIQUE_VIOLATION = '23505';

/**
 * Records a new version of the routing rules and puts it in force in this process. Nothing half
 * valid is stored; an edit of a version that is no longer the newest is refused with the newest,
 * never merged (the version is the primary key, so two edits of one version cannot both land).
 */
@Injectable()
export class ChangeRoutingUseCase {
  private readonly logger = new Logger('Routing');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly inForce: RoutingInForce,
  ) {}

  async change(by: Principal, change: ChangeRouting, now = new Date()): Promise<ChangeRoutingResult> {
    if (!mayChangeRouting(by)) return { kind: 'forbidden', message: 'only the control-room supervisor changes the routing rules' };
    // The table, not this process's holder, says which version is newest: another replica may have recorded one.
    if ((await this.newestVersion()) !== change.expectedVersion) return this.stale(change.expectedVersion);
    const parsed = parseRoutingConfig(change.config);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const row: RoutingVersionEntity = { version: change.expectedVersion + 1, config: change.config as RoutingVersionEntity['config'], changedBy: by.subject, changedAt: now, comment: change.comment };
    try {
      await this.dataSource.getRepository(RoutingVersionEntity).insert(row);
    } catch (error) {
      // Another replica recorded this version first: this one's holder was behind.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) return this.stale(change.expectedVersion);
      throw error;
    }
    const rules = { version: row.version, submitted: row.config, config: parsed.config, tree: parsed.tree, changedBy: row.changedBy, changedAt: row.changedAt, comment: row.comment };
    this.inForce.replace(rules);
    this.logger.log({ msg: 'routing rules changed', version: row.version, changedBy: by.subject, comment: change.comment });
    return { kind: 'saved', rules: toRoutingView(rules, { kind: 'whole' }) };
  }

  private async newestVersion(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT coalesce(max(version), 0) AS version FROM "${NOTIFY_SCHEMA}"."routing_version"`);
    return Number(row.version);
  }

  /** A refusal carrying the newest stored version, which the edit must start from. */
  private async stale(sentVersion: number): Promise<ChangeRoutingResult> {
    const [newest] = await this.dataSource.getRepository(RoutingVersionEntity).find({ order: { version: 'DESC' }, take: 1 });
    const current = newest
      ? { ...NO_ROUTING, version: newest.version, config: newest.config, changedBy: newest.changedBy, changedAt: newest.changedAt.toISOString(), comment: newest.comment }
      : NO_ROUTING;
    return { kind: 'stale', sentVersion, current };
  }
}
