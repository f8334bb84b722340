/**
 * A `window.station` test double for renderer unit tests, built from the contract: every
 * call's input is parsed with the channel's own schema (so a store that sends something
 * main would refuse fails here too), and answers come from per-test handlers.
 */
import {
  channels,
  events,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type IpcError,
  type IpcResult,
} from '../../../src/shared/contract';
import { CHANNEL_NAMES, type StationApi } from '../../../src/shared/station-api';

/** What a handler may answer: a value, or an error to return as `{ ok: false }`. */
export type Answer<C extends Channel> = ChannelOutput<C> | { error: IpcError };

/** Per-channel answers of one test; a channel without one answers `unexpected`. */
export type Handlers = {
  [C in Channel]?: (input: ChannelInput<C>) => Answer<C> | Promise<Answer<C>>;
};

/** One call the renderer made. */
export interface RecordedCall {
  channel: Channel;
  input: unknown;
}

/** The double, its call log and a way to push events. */
export interface StationDouble {
  api: StationApi;
  calls: RecordedCall[];
  callsOf<C extends Channel>(channel: C): Array<ChannelInput<C>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
}

function isError(answer: unknown): answer is { error: IpcError } {
  return typeof answer === 'object' && answer !== null && 'error' in answer && !('ok' in answer);
}

async function answer(
  channel: Channel,
  handlers: Handlers,
  input: unknown,
): Promise<IpcResult<unknown>> {
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`${channel} was called with input main would refuse: ${message}`);
  }
  const handler = handlers[channel] as ((value: unknown) => unknown) | undefined;
  if (!handler)
    return { ok: false, error: { code: 'unexpected', message: `no ${channel} in this test` } };
  const result = await handler(input);
  if (isError(result)) return { ok: false, error: result.error };
  // Answers are checked too: a test cannot feed the renderer a shape main never sends.
  return { ok: true, value: channels[channel].output.parse(result) };
}

/** Builds the double; install it with `window.station = double.api`. */
export function createStationDouble(handlers: Handlers = {}): StationDouble {
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api: Record<string, Record<string, unknown>> = {};

  for (const channel of CHANNEL_NAMES) {
    const [domain, action] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][action] = (input: unknown) => {
      calls.push({ channel, input });
      return answer(channel, handlers, input);
    };
  }

  const on = (event: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  return {
    api: { ...api, on } as unknown as StationApi,
    calls,
    callsOf: <C extends Channel>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.input as ChannelInput<C>),
    emit: (event, payload) => {
      const parsed = events[event].parse(payload);
      for (const listener of listeners.get(event) ?? []) listener(parsed);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** Waits (polling, with a deadline) until `check` passes; no fixed sleeps. */
export async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
