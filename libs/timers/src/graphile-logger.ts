import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'graphile-worker';

/** The library's log lines as structured Nest log lines; its chatty start-up info goes to debug. */
export function graphileLogger(schema: string): Logger {
  const logger = new NestLogger('Timers');
  return new Logger(() => (level, message) => {
    const fields = { msg: message, schema };
    if (String(level) === 'error') logger.error(fields);
    else if (String(level) === 'warning') logger.warn(fields);
    else logger.debug(fields);
  });
}
