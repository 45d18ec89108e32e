import { LoggerService, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * One JSON object per line on stdout: what a log shipper wants at 3 a.m.
 * `pretty` prints `time level [context] message {fields}` for a person at a terminal.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly options: { level: LogLevel; pretty: boolean; app: string },
  ) {}

  log(message: unknown, ...rest: unknown[]) { this.write('log', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('verbose', message, rest); }
  fatal(message: unknown, ...rest: unknown[]) { this.write('fatal', message, rest); }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) > LEVELS.indexOf(this.options.level)) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields = message !== null && typeof message === 'object' && !(message instanceof Error)
      ? (message as Record<string, unknown>)
      : { msg: message instanceof Error ? message.message : String(message) };
    const stack = rest.find((r): r is string => typeof r === 'string' && r.includes('\n    at '));
    const time = new Date().toISOString();
    const line = this.options.pretty
      ? `${time} ${level.toUpperCase().padEnd(5)} [${context ?? this.options.app}] ${fields.msg ?? ''} ${formatFields(fields)}${stack ? `\n${stack}` : ''}`
      : JSON.stringify({ time, level, app: this.options.app, context, ...fields, ...(stack ? { stack } : {}) });
    (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

function formatFields(fields: Record<string, unknown>): string {
  const rest = Object.entries(fields).filter(([key]) => key !== 'msg');
  return rest.length ? JSON.stringify(Object.fromEntries(rest)) : '';
}
