// Runs one lore command in this process (as bin/lore.mjs would) and, at exit, reports its peak
// resident memory on stderr as one parseable line:
//   LORE_BENCH {"maxRssKiB":123456,"exitCode":0,"ms":812.4}
// Usage (Node 24): node bench/measure.mjs history bench/repo/x1/content/migrations/versions
const started = performance.now();
let exitCode = 70;
process.on('exit', () => {
  const maxRssKiB = process.resourceUsage().maxRSS; // kibibytes
  process.stderr.write(`\nLORE_BENCH ${JSON.stringify({ maxRssKiB, exitCode, ms: Math.round((performance.now() - started) * 10) / 10 })}\n`);
});
try {
  const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
}
process.exitCode = exitCode;
