import { buildSite } from './src/integration/run.ts';
const t = performance.now();
await buildSite({ root: process.argv[2]!, outDir: process.argv[3]!, title: 'Bench', logLevel: 'info' });
console.log('built in', Math.round(performance.now() - t), 'ms');
