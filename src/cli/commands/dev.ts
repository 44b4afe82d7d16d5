import type { Command } from './index.ts';
import { sourceHelp } from '../sources.ts';
import { UsageError } from '../usage.ts';
import { siteArgs, siteOptionHelp, siteOptions } from './build.ts';

export const dev: Command = {
  name: 'dev',
  summary: 'serve the knowledge site with live reload while you edit ADRs, rules and migrations',
  usage: 'lore dev [root] [--port N] [--host] [--base PATH] [--title TEXT] [source options]',
  help: `Serves the site for the repository at [root] (default: the current folder) and reloads the open
page when an ADR, a rules file, a guide page or a migration changes. Stop it with Ctrl-C.

Options:
  --port N           port to listen on                          [default: 4321]
  --host             listen on all addresses, not only localhost
${siteOptionHelp}

${sourceHelp}`,
  options: { ...siteOptions, port: { type: 'string' }, host: { type: 'boolean' } },
  async run({ values, positionals, out, cwd }) {
    const args = siteArgs(values, positionals, cwd);
    const port = values.port === undefined ? 4321 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not ${values.port}`);
    const { devSite } = await import('../../integration/run.ts');
    const server = await devSite({ root: args.root, sources: args.sources, title: args.title, base: args.base, repoUrl: args.repoUrl, port, host: values.host === true, search: false, cache: values['no-cache'] !== true });
    out.write(`Lore is serving ${args.root} at ${server.address} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.stop();
    return 0;
  },
};
