import type { ParseArgsConfig } from 'node:util';
import type { Out } from '../output.ts';
import { history } from './history.ts';
import { inspect } from './inspect.ts';
import { check } from './check.ts';
import { bundle } from './bundle.ts';
import { build } from './build.ts';
import { dev } from './dev.ts';
import { init } from './init.ts';
import { newCommand } from './new.ts';

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

export const commands: Command[] = [bundle, check, history, inspect, build, dev, init, newCommand];
