import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { CameraEntity } from '../camera.entity';
import { ImportCamerasUseCase } from '../import-cameras.usecase';
import { demoCameras } from './demo-cameras';

/**
 * Demo mode: fills an empty register with the partnership's 1,568 cameras through the same import
 * an asset list takes, so the demo's cameras are announced like any others. A register that holds
 * anything is left alone: the demo never overwrites what someone entered.
 */
@Injectable()
export class DemoCameraLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Faults');

  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly importCameras: ImportCamerasUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.dataSource.getRepository(CameraEntity).count({ take: 1 })) > 0) return;
    const rows = demoCameras().map((camera, i) => ({ line: i + 2, camera }));
    const result = await this.importCameras.importRows(rows, 'faults-demo');
    this.logger.log({ msg: 'demo camera register loaded', registered: result.registered, refused: result.refused.length });
  }
}
