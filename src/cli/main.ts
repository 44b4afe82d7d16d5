import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { terminalOut, type Out } from './output.ts';
import { UsageError } from './usage.ts';
import { commandNames, loadCommand, loadCommands, type Command } from './commands/index.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function mainHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'lore — database rules, ADRs and Alembic migrations as one knowledge base',
    '',
    'Usage: lore <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show help (also: lore <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 ok, 1 check failed, 2 usage or input error.',
    '',
  ].join('\n');
}

export function commandHelp(cmd: Command): string {
  return `${cmd.usage}\n\n${cmd.summary}\n\n${cmd.help.trimEnd()}\n`;
}

/** Runs the CLI; returns the exit code. `out` is injectable for tests. */
export async function main(argv: string[], out: Out = terminalOut()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' && rest[0] ? await loadCommand(rest[0]) : null;
    out.write(topic ? commandHelp(topic) : mainHelp(await loadCommands()));
    return EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    out.write(`${version()}\n`);
    return EXIT.ok;
  }
  const cmd = commandNames.includes(name) ? await loadCommand(name) : null;
  if (!cmd) {
    out.error(`lore: unknown command '${name}'. Run 'lore --help' for the list.\n`);
    return EXIT.usage;
  }
  try {
    const config: ParseArgsConfig = {
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...cmd.options },
      allowPositionals: true,
      strict: true,
    };
    const { values, positionals } = parseArgs(config);
    if (values.help) {
      out.write(commandHelp(cmd));
      return EXIT.ok;
    }
    return await cmd.run({ values: values as Record<string, unknown>, positionals, out, cwd: process.cwd() });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.error(`lore ${cmd.name}: ${(err as Error).message}\n${cmd.usage}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
