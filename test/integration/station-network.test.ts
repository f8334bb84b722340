/**
 * The station's view of whether MegaWMS can be reached: sightings announce a change once,
 * and while offline a bare TCP connect (no request, no key) notices the server is back.
 */
import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import {
  canConnect,
  createNetworkWatch,
  type NetworkWatch,
} from '../../src/main/core/station-network';
import { eventually } from '../helpers/station';

const servers: net.Server[] = [];
let watch: NetworkWatch | undefined;

afterEach(async () => {
  watch?.stop();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(): Promise<string> {
  const server = net.createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function closedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

it('announces each change once, not every sighting', () => {
  const changes: boolean[] = [];
  watch = createNetworkWatch(null, (online) => changes.push(online));
  watch.note(true);
  watch.note(false);
  watch.note(false);
  watch.note(true);
  expect(changes).toEqual([false, true]);
});

it('notices by itself that an unreachable server is back', async () => {
  const url = await listen();
  const changes: boolean[] = [];
  watch = createNetworkWatch(url, (online) => changes.push(online), 50);
  watch.note(false);
  await eventually('the probe to find the server', () => changes.length === 2);
  expect(changes).toEqual([false, true]);
  expect(watch.online).toBe(true);
});

it('does not call a closed port reachable', async () => {
  expect(await canConnect(await closedPort(), 1_000)).toBe(false);
  expect(await canConnect('not a url')).toBe(false);
});
