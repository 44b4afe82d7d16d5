import { defineConfig } from 'astro/config';
import lore from './src/integration/index.ts';

export default defineConfig({
  integrations: [lore({ title: 'Ledgerly — database knowledge' })],
});
