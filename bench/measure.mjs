// Runs the bundled CLI in this process and reports its peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nMAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
process.argv = [process.argv[0], 'dist/cli.js', ...process.argv.slice(2)];
await import('../dist/cli.js');
