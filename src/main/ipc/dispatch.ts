/**
 * The one gate every IPC call passes: the sender must be the app's own page, the input is
 * parsed as unknown against the contract's schema, the handler runs, and whatever happens
 * comes back as an `IpcResult` (nothing throws across the bridge). Electron's ipcMain and
 * the e2e harness both call `invoke` — the same table, the same checks.
 */
import type { z } from 'zod';
import { channels, type Channel, type ChannelOutput, type IpcResult } from '../../shared/contract';
import { createLogger } from '../core/log';
import { forbiddenError, toIpcError, unknownChannelError } from './errors';

const log = createLogger('Ipc');

/** A channel's input after the contract's schema parsed it (trimmed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

/** The function behind one channel: parsed input in, the channel's result out. */
export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per contract channel; the type makes a missing channel a compile error. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** Who sent a call: the URL of the frame it came from (null when the frame is gone). */
export interface IpcSender {
  url: string | null | undefined;
}

export interface DispatcherOptions {
  handlers: HandlerTable;
  /** Decides whether a frame URL is the app's own page (see `isAppUrl`). */
  isTrustedSender: (url: string | null | undefined) => boolean;
  /** Also parse every result with the contract's output schema (tests, the e2e harness). */
  checkOutput?: boolean;
}

export interface IpcDispatcher {
  /** Runs one call; never rejects. */
  invoke(channel: string, input: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
}

/** Builds the dispatcher over a handler table. */
export function createIpcDispatcher(options: DispatcherOptions): IpcDispatcher {
  const invoke = async (
    channel: string,
    input: unknown,
    sender: IpcSender,
  ): Promise<IpcResult<unknown>> => {
    if (!isChannel(channel)) return { ok: false, error: unknownChannelError(channel) };
    if (!options.isTrustedSender(sender.url)) {
      log.warn('call refused: sender is not the app window', { channel });
      return { ok: false, error: forbiddenError() };
    }

    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: invalidInputError(channel, parsed.error.issues) };
    }

    try {
      const handler = options.handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return options.checkOutput ? checkedOutput(channel, value) : { ok: true, value };
    } catch (error) {
      const failure = toIpcError(error, { channel });
      // The screen shows this to the worker; the log keeps a printer fault for whoever
      // looks later (lookups that miss are everyday answers, kept at info).
      const level = failure.code.startsWith('printer-') ? 'warn' : 'info';
      log[level]('call failed', { channel, code: failure.code, message: failure.message });
      return { ok: false, error: failure };
    }
  };
  return { invoke };
}

function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

// A result that breaks the contract is a bug in main; in tests it must fail loudly.
function checkedOutput(channel: Channel, value: unknown): IpcResult<unknown> {
  const parsed = channels[channel].output.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const where = describeIssues(parsed.error.issues);
  log.error('result does not match the contract', { channel, where });
  return {
    ok: false,
    error: {
      code: 'unexpected',
      message: `Label Station produced an answer it cannot show (${channel}). Please report this.`,
      detail: where,
    },
  };
}

/** `invalid-input` naming the call and the field: `labels.print: numbers[2]: Too small…`. */
function invalidInputError(channel: Channel, issues: z.core.$ZodIssue[]) {
  return {
    code: 'invalid-input',
    message: `${channel} was refused: ${describeIssues(issues)}`,
  };
}

/** `field.path[3]: message` for the first few issues, joined with `; `. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${formatPath(issue.path) || 'input'}: ${issue.message}`)
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
