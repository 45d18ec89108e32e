import { Module } from '@nestjs/common';

/**
 * Faults: camera register, fault tickets and SLA clocks. The process runs with health and the bus
 * today; its use cases arrive with the camera-fault issue.
 */
@Module({})
export class FaultsModule {}
