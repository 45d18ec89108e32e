import { ConsoleLogger, Logger, LoggerService } from '@nestjs/common';
import { Alert, ChannelConfig, decideRetry, DEFAULT_RETRY_POLICY, DeliveryResult, entryAfterSend, PlannedDelivery, RetryDecision } from '../domain';
import { anAlert } from './notify-fixtures';

/** The grade 1 fight the channels' specs send, unless a case gives its own alerts. */
export const A_GRADE_ONE = (): Alert[] => [
  anAlert({ fingerprint: 'incident:5b7c0d7e', reference: 'INC-2026-000101', summary: 'Fight outside the Market Theatre', labels: { grade: '1', category: 'Assault', town: 'Hitchin' } }),
];

/** A delivery of `alerts` to `receiver` on one channel, as the pipeline plans it. */
export function aPlannedDelivery(receiver: string, config: ChannelConfig, alerts: Alert[] = A_GRADE_ONE()): PlannedDelivery {
  const groupKey = 'police-grade-1:{partner="north-herts"}';
  const key = `${receiver}/${config.type}/0`;
  return { groupKey, receiver, channel: { key, config }, reason: 'first-notification', alerts, logEntry: entryAfterSend(groupKey, key, alerts, new Date()) };
}

/** What the pipeline would do after a first attempt with this result. */
export const retryAdvice = (result: DeliveryResult): RetryDecision => decideRetry(result, 1, new Date(), new Date(), DEFAULT_RETRY_POLICY);

/**
 * Keeps what Nest's loggers write in `logged` instead of printing it, between `install` (beforeAll)
 * and `uninstall` (afterAll), so a case can check that nothing secret is logged.
 */
export function logCollector(): { logged: string[]; install(): void; uninstall(): void } {
  const logged: string[] = [];
  const keep = (message: unknown) => void logged.push(JSON.stringify(message));
  const collector: LoggerService = { log: keep, warn: keep, error: keep, debug: keep, verbose: keep, fatal: keep };
  return { logged, install: () => Logger.overrideLogger(collector), uninstall: () => Logger.overrideLogger(new ConsoleLogger()) };
}
