/**
 * The `station` command: parses the global options, finds the sub-command, and runs it
 * with a context holding the same core the desktop app uses.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index';
import type { Command } from './command';
import { createContext, processOutput, resolveOptions, UsageError, type Output } from './context';
import { MegaWmsError } from '../main/core/megawms/errors';
import { redact } from '../main/core/log';

const GLOBAL_OPTIONS = {
  'base-url': { type: 'string' },
  'cus-code': { type: 'string' },
  'api-name': { type: 'string' },
  'api-key': { type: 'string' },
  'track-key': { type: 'string' },
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `station <argv>` and resolves to the exit code (0 ok, 1 some failed, 2 usage). */
export async function main(argv: string[], io: Output = processOutput()): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const asked = argv.length === 0 || argv.includes('--help') || argv.includes('-h');
    // Help that was asked for is the command's output; after a mistake it explains the error.
    if (asked) io.out(usageText());
    else io.err(usageText());
    return asked ? 0 : 2;
  }
  const { command, rest } = found;
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: station ${command.usage}`);
    return 2;
  }
  if (values.help) {
    io.out(`Usage: station ${command.usage}\n${command.summary}`);
    return 0;
  }

  const options = resolveOptions(
    {
      baseUrl: values['base-url'] as string | undefined,
      cusCode: values['cus-code'] as string | undefined,
      apiName: values['api-name'] as string | undefined,
      apiKey: values['api-key'] as string | undefined,
      trackKey: values['track-key'] as string | undefined,
      dataDir: values['data-dir'] as string | undefined,
      demo: values.demo as boolean | undefined,
      json: values.json as boolean | undefined,
    },
    process.env,
  );
  const ctx = createContext(options, io);
  try {
    return await command.run(ctx, positionals, values);
  } catch (error) {
    return reportError(io, error, command);
  } finally {
    await ctx.close();
  }
}

function reportError(io: Output, error: unknown, command: Command): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\nUsage: station ${command.usage}`);
    return 2;
  }
  if (error instanceof MegaWmsError) {
    io.err(redact(error.message + (error.detail ? `\n${error.detail}` : '')));
    return error.code === 'config' ? 2 : 1;
  }
  const e = error as Error;
  io.err(redact(`${e?.name === 'Error' ? '' : `${e?.name}: `}${e?.message ?? String(error)}`));
  return 1;
}

/** Finds the sub-command: the first one or two words that are not options or their values. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const words: Array<{ word: string; index: number }> = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      const name = arg.replace(/^--?/, '').split('=')[0]!;
      const spec = (GLOBAL_OPTIONS as Record<string, { type: string }>)[name];
      if (spec?.type === 'string' && !arg.includes('=')) i++;
      continue;
    }
    words.push({ word: arg, index: i });
  }
  const [first, second] = words;
  if (!first) return null;
  const two = second ? COMMANDS.find((c) => c.name === `${first.word} ${second.word}`) : undefined;
  const command = two ?? COMMANDS.find((c) => c.name === first.word);
  if (!command) return null;
  const drop = new Set(two ? [first.index, second!.index] : [first.index]);
  return { command, rest: argv.filter((_, i) => !drop.has(i)) };
}

function usageText(): string {
  return [
    'Usage: station [--base-url URL] [--cus-code C] [--api-name N] [--api-key K]',
    '               [--track-key K] [--data-dir DIR] [--demo] [--json] <command>',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Options also come from MEGAWMS_BASE_URL, MEGAWMS_CUS_CODE, MEGAWMS_API_NAME,',
    'MEGAWMS_API_KEY, MEGAWMS_TRACK_KEY and STATION_DATA_DIR. --demo uses the built-in sandbox.',
  ].join('\n');
}
