/** The shape of one `station` sub-command; each lives in its own file under commands/. */
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  /** One or two words: `labels`, `order create`, `cache stats`. */
  name: string;
  /** The usage line after `station`, e.g. `labels <number...> [--file F]`. */
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** Returns the exit code: 0 all succeeded, 1 some items failed. */
  run(ctx: CliContext, positionals: string[], values: OptionValues): Promise<number>;
}

/** One item's result: only the failed ones (`ok: false`) are reported. */
export type ItemOutcome = { ok: true } | { ok: boolean; query: string; message: string };

/** Prints the failed items to stderr, each with its number, and turns them into the exit code. */
export function reportFailures(ctx: CliContext, results: readonly ItemOutcome[]): number {
  let failed = 0;
  for (const r of results) {
    if (r.ok) continue;
    ctx.io.err(`${r.query}: ${r.message}`);
    failed++;
  }
  return failed > 0 ? 1 : 0;
}

/** Writes `value` as JSON on stdout (for --json). Bytes are never printed, only sizes. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(
    JSON.stringify(
      value,
      (_key, v: unknown) => (v instanceof Uint8Array ? { bytes: v.byteLength } : v),
      2,
    ),
  );
}

/** A plain text table with columns padded to their widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
