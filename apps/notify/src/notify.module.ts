import { Module } from '@nestjs/common';

/**
 * Notify: routing, channels and escalation. The process runs with health and the bus today;
 * its stages arrive with the notification issue.
 */
@Module({})
export class NotifyModule {}
