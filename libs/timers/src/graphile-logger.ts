import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'graphile-worker';

/**
 * The library's log lines as structured Nest log lines. Its chatty start-up info goes to debug,
 * and its "failed task" lines are left out: the runner logs each retried or kept timer itself,
 * with kind, key and reason.
 */
export function graphileLogger(schema: string): Logger {
  const logger = new NestLogger('Timers');
  return new Logger(() => (level, message, meta) => {
    if (meta?.failure === true) return;
    const fields = { msg: message, schema };
    if (String(level) === 'error') logger.error(fields);
    else if (String(level) === 'warning') logger.warn(fields);
    else logger.debug(fields);
  });
}
