/** Runs `serveSandboxForever` as `station sandbox` would, for sandbox-round-trip.test.ts. */
import { serveSandboxForever } from '../../src/sandbox/server';

await serveSandboxForever({ port: 0, orderCount: 20, inventoryRows: 20 });
process.stdout.write('exited cleanly\n');
