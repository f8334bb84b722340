/**
 * The shape of `window.station`, derived from the contract: channel `orders.cancel`
 * becomes `station.orders.cancel(input)`. Every function resolves to an `IpcResult`;
 * nothing throws across the bridge.
 */
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  IpcResult,
} from './contract';
import { channels } from './contract';

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type ActionOf<C extends string> = C extends `${string}.${infer A}` ? A : never;

type Call<C extends Channel> =
  undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** `window.station` as the renderer sees it. */
export type StationApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as DomainOf<C> extends D ? ActionOf<C> : never]: Call<C>;
  };
} & {
  /** Subscribes to a pushed event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Every channel name, for the preload's and main's tables. */
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

/** The IPC channel string used on the wire for a contract channel. */
export function ipcChannel(channel: Channel): string {
  return `station:${channel}`;
}

/** The IPC channel string of a pushed event. */
export function ipcEvent(event: EventName): string {
  return `station-event:${event}`;
}
