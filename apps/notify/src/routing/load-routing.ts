import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTIFY_OPTIONS, NotifyOptions, RoutingFile } from '../notify.options';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { compileVersion, errorLines } from './compile-version';
import { RoutingInForce } from './routing-in-force';
import { RoutingVersionEntity } from './routing-version.entity';

/** Who the first version is recorded as when it comes from the file. */
export const ROUTING_FILE_AUTHOR = 'routing-file';

/**
 * Puts the newest stored rules in force at start-up. When none are stored, the routing file (read
 * and validated with the config) becomes version 1. Later edits of the file are ignored: from then
 * on the rules change over the API, where each change is recorded.
 */
@Injectable()
export class LoadRouting implements OnModuleInit {
  private readonly logger = new Logger('Routing');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions,
    private readonly inForce: RoutingInForce,
  ) {}

  async onModuleInit(): Promise<void> {
    const versions = this.dataSource.getRepository(RoutingVersionEntity);
    if (!(await versions.exist()) && this.options.routingFile) await this.storeFile(this.options.routingFile);
    const [newest] = await versions.find({ order: { version: 'DESC' }, take: 1 });
    if (!newest) {
      this.logger.warn({ msg: 'no routing rules stored and no VIGIL_NOTIFY_ROUTING_FILE: nothing is routed until a supervisor puts rules' });
      return;
    }
    const compiled = compileVersion(newest);
    if (!compiled.ok) throw new Error(`stored routing version ${newest.version} is no longer valid:\n${errorLines(compiled.errors)}`);
    this.inForce.replace(compiled.rules);
    this.logger.log({ msg: 'routing rules in force', version: newest.version, changedBy: newest.changedBy });
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
