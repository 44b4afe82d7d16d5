import type { ParseArgsConfig } from 'node:util';
import type { Out } from '../output.ts';

export interface CommandContext {
  values: Record<string, unknown>;
  positionals: string[];
  out: Out;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext): Promise<number>;
}

// Each command is imported only when it runs (or for --help): `lore history` never loads the
// site, and start-up stays short.
const loaders: Record<string, () => Promise<Command>> = {
  bundle: async () => (await import('./bundle.ts')).bundle,
  check: async () => (await import('./check.ts')).check,
  history: async () => (await import('./history.ts')).history,
  inspect: async () => (await import('./inspect.ts')).inspect,
  build: async () => (await import('./build.ts')).build,
  dev: async () => (await import('./dev.ts')).dev,
  init: async () => (await import('./init.ts')).init,
  new: async () => (await import('./new.ts')).newCommand,
};

export const commandNames = Object.keys(loaders);

export function loadCommand(name: string): Promise<Command> | null {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : null;
}

export function loadCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((n) => loaders[n]!()));
}
