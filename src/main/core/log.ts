/**
 * A small levelled logger: `[Component] message` lines, to stderr and (in the app) to a
 * rotating file in the data folder. Registered secrets are replaced before anything is
 * written, so an API key can never reach a log even inside an error's text.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secrets = new Set<string>();
let threshold: LogLevel = (process.env.STATION_LOG_LEVEL as LogLevel | undefined) ?? 'warn';
let logFile: string | null = null;
const MAX_LOG_BYTES = 5 * 1024 * 1024;

/** Registers a value that must never appear in a log line (API key, tracking key). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

/** Replaces every registered secret in `text` by `***`. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

/** Sends log lines to `dir/station.log` as well, rotating it at 5 MB. */
export function setLogFile(dir: string | null, level?: LogLevel): void {
  logFile = dir ? path.join(dir, 'station.log') : null;
  if (level) threshold = level;
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** A logger for one component: `createLogger('PrintQueue').info('sent', { jobId })`. */
export function createLogger(component: string): Logger {
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[threshold] && !logFile) return;
    const ctx = context ? ' ' + safeJson(context) : '';
    const line = redact(
      `${new Date().toISOString()} ${level.toUpperCase()} [${component}] ${message}${ctx}`,
    );
    if (ORDER[level] >= ORDER[threshold]) process.stderr.write(line + '\n');
    if (logFile) appendRotating(logFile, line + '\n');
  };
  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message } : v,
    );
  } catch {
    return '[unserialisable]';
  }
}

function appendRotating(file: string, line: string): void {
  try {
    if (fs.existsSync(file) && fs.statSync(file).size > MAX_LOG_BYTES) {
      fs.renameSync(file, file + '.1');
    }
    fs.appendFileSync(file, line);
  } catch {
    // Logging must never break the station; a full disk shows up elsewhere.
  }
}
