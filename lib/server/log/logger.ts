import 'server-only';
import { correlationId } from '../http/correlation';
import { redact, redactFields, type LogValue } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, LogValue>;

/**
 * One log line: a JSON object with level, time, message, the correlation id of the request being served (when
 * there is one), then the fields; credentials redacted. JSON escapes newlines, so a stack trace stays one line.
 */
export function logLine(level: LogLevel, message: string, fields: LogFields = {}): string {
  const id = correlationId();
  return JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: redact(message),
    ...(id === '-' ? {} : { correlationId: id }),
    ...redactFields(fields),
  });
}

// Looked up at each call, not bound once, so whatever replaced console's methods (a test's spy) sees the line.
const sinks: Record<LogLevel, (line: string) => void> = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

/** Fleetdeck's server log: one JSON object per line; info to stdout, warnings and errors to stderr. */
export const log = {
  info: (message: string, fields?: LogFields) => sinks.info(logLine('info', message, fields)),
  warn: (message: string, fields?: LogFields) => sinks.warn(logLine('warn', message, fields)),
  error: (message: string, fields?: LogFields) => sinks.error(logLine('error', message, fields)),
};

/** An error as log text: its stack when it has one. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
