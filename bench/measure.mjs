// Runs one lore command in this process (as bin/lore.mjs would) and, at exit, reports its peak
// resident memory on stderr as one parseable line:
//   LORE_BENCH {"maxRssKiB":123456,"exitCode":0,"ms":812.4}
// Usage (Node 24): node bench/measure.mjs history bench/repo/x1/content/migrations/versions
const started = performance.now();
let exitCode = 70;
process.on('exit', () => {
  const maxRssKiB = process.resourceUsage().maxRSS; // kibibytes
  if (process.env.LORE_CPU) process.stderr.write(`CPU total ${((process.cpuUsage().user + process.cpuUsage().system) / 1000).toFixed(0)} main ${(process.threadCpuUsage().user / 1000).toFixed(0)}\n`);
  process.stderr.write(`\nLORE_BENCH ${JSON.stringify({ maxRssKiB, exitCode, ms: Math.round((performance.now() - started) * 10) / 10 })}\n`);
});
try {
  // As bin/lore.mjs does: reuse the compiled (type-stripped) modules of earlier runs.
  (await import('node:module')).enableCompileCache?.();
  const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
}
process.exitCode = exitCode;
