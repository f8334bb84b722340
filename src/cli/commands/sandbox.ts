/** `station sandbox`: the built-in MegaWMS sandbox as a server, for training and tests. */
import type { Command } from '../command';
import { UsageError } from '../context';

export const sandboxCommand: Command = {
  name: 'sandbox',
  usage: 'sandbox [--port N]',
  summary: 'Run the MegaWMS sandbox (demo data, demo credentials) until Ctrl+C.',
  options: { port: { type: 'string' } },
  async run(ctx, _positionals, values) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a port number, not "${values.port}".`);
    }
    const { serveSandboxForever } = await import('../../sandbox/server');
    await serveSandboxForever({ port, print: (line: string) => ctx.io.out(line) });
    return 0;
  },
};
