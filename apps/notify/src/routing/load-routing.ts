import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTIFY_OPTIONS, NotifyOptions, RoutingFile } from '../notify.options';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { compileVersion, errorLines } from './compile-version';
import { RoutingInForce } from './routing-in-force';
import { RoutingVersionEntity } from './routing-version.entity';

/** Who the first version is recorded as when it comes from the file. */
export const ROUTING_FILE_AUTHOR = 'routing-file';

/** How often a replica looks for a version another replica recorded. */
export const DEFAULT_ROUTING_REFRESH_MS = 5_000;

/**
 * Puts the newest stored rules in force at start-up, then follows the table: a change accepted by
 * another replica is in force here within one refresh. When none are stored, the routing file (read
 * and validated with the config) becomes version 1. Later edits of the file are ignored: from then
 * on the rules change over the API, where each change is recorded.
 */
@Injectable()
export class LoadRouting implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Routing');
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions,
    private readonly inForce: RoutingInForce,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!(await this.versions().exist()) && this.options.routingFile) await this.storeFile(this.options.routingFile);
    const newest = await this.newest();
    if (!newest) {
      this.logger.warn({ msg: 'no routing rules stored and no VIGIL_NOTIFY_ROUTING_FILE: nothing is routed until a supervisor puts rules' });
    } else {
      // At start-up a stored version that no longer validates stops the process; while running, the rules in force stay.
      const compiled = compileVersion(newest);
      if (!compiled.ok) throw new Error(`stored routing version ${newest.version} is no longer valid:\n${errorLines(compiled.errors)}`);
      this.inForce.replace(compiled.rules);
      this.logger.log({ msg: 'routing rules in force', version: newest.version, changedBy: newest.changedBy });
    }
    this.timer = setInterval(() => void this.refresh(), this.options.routingRefreshMs ?? DEFAULT_ROUTING_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const [{ version }] = await this.dataSource.query(`SELECT coalesce(max(version), 0)::int AS version FROM "${NOTIFY_SCHEMA}"."routing_version"`);
      if (version <= (this.inForce.current()?.version ?? 0)) return;
      const newest = (await this.newest())!;
      const compiled = compileVersion(newest);
      if (!compiled.ok) {
        this.logger.error({ msg: 'a newer routing version does not validate here: the rules in force stay', version: newest.version, errors: compiled.errors });
        return;
      }
      this.inForce.replace(compiled.rules);
      this.logger.log({ msg: 'routing rules in force', version: newest.version, changedBy: newest.changedBy });
    } catch (error) {
      // The database may be away for a moment: the rules in force stay, the next tick tries again.
      this.logger.warn({ msg: 'routing refresh failed', error: (error as Error).message });
    } finally {
      this.refreshing = false;
    }
  }

  private versions() {
    return this.dataSource.getRepository(RoutingVersionEntity);
  }

  private async newest(): Promise<RoutingVersionEntity | undefined> {
    const [newest] = await this.versions().find({ order: { version: 'DESC' }, take: 1 });
    return newest;
  }

  private async storeFile({ path, content }: RoutingFile): Promise<void> {
    // Replicas starting together may both find the table empty: the first insert wins, the others keep it.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(RoutingVersionEntity)
      .values({ version: 1, config: content as RoutingVersionEntity['config'], changedBy: ROUTING_FILE_AUTHOR, changedAt: new Date(), comment: `loaded from ${path}` })
      .orIgnore()
      .execute();
  }
}
