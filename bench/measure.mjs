// Runs the bundled CLI in this process and reports its peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nMAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
// The CLI bundle to measure: bench/run.ts builds its own (CROSSCHECK_CLI), relative to this file.
const cli = process.env.CROSSCHECK_CLI ?? '../dist/cli.js';
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
await import(cli);
