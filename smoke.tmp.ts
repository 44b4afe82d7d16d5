import { buildSite } from './src/integration/run.ts';
const t = performance.now();
await buildSite({ root: process.argv[2] ?? '.', outDir: process.argv[3] ?? '/tmp/lore-smoke', title: 'Ledgerly', search: true, checkLinks: true });
console.log('built in', Math.round(performance.now() - t), 'ms');
