// The demo site (`npm run build`): this repository's own rules, ADRs, migrations and guides
// (the sources are named in lore.config.json). `lore build <repo>` builds the same site for any
// other repository, without this file.
import { defineConfig } from 'astro/config';
import lore from './src/integration/index.ts';

export default defineConfig({
  integrations: [
    lore({
      title: 'Ledgerly — database knowledge',
      description: 'Why Ledgerly’s PostgreSQL schema is what it is: the rules every migration follows, the decisions behind them, and the history of every table.',
      // The demo's CLAUDE.md / AGENTS.md go into dist/bundle/: this repository's root belongs to Lore.
      bundle: { outDir: 'dist/bundle' },
    }),
  ],
});
