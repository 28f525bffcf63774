#!/usr/bin/env node
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkPaths, selectRules } from './check.js';
import { compareWithBaseline, readBaseline, writeBaseline } from './eval/baseline.js';
import { evaluate, findTargets } from './eval/run.js';
import { DEFAULT_MAX_FILE_SIZE } from './corpus/read.js';
import { isUserError, UserError } from './errors.js';
import { SEVERITY_RANK, SEVERITIES, type Severity } from './findings.js';
import { init } from './init/init.js';
import { formatEvalJson, formatEvalPretty } from './report/eval.js';
import { FORMATS, streamReport, type Format } from './report/index.js';
import { terminalSafe } from './report/terminal-text.js';
import { TOOL_VERSION, type CheckResult } from './result.js';
import { runExamples } from './rules/examples.js';
import { explainRule } from './rules/explain.js';
import { loadRules } from './rules/load.js';

/** Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or a failing example); 2 usage, rule or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface CheckCliOptions {
  rules: string;
  format: Format;
  output?: string;
  failOn: Severity | 'never';
  rule: string[];
  maxFileSize: number;
  workers?: number;
  cache?: string;
}

function program(setExit: (code: number) => void): Command {
  const cli = new Command('crosscheck')
    .description('Check that news articles about one event agree: quotes, figures, dates and names.')
    .version(TOOL_VERSION)
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  cli
    .command('check', { isDefault: true })
    .description('check articles (the default command)')
    .argument('[paths...]', 'articles or folders of articles (.txt, .md); each folder is one story', ['.'])
    .option('--rules <dir>', 'folder of YAML rules', 'rules')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'never']).default('error'))
    .option('--rule <id>', 'run only this rule (repeatable)', (id: string, ids: string[]) => [...ids, id], [] as string[])
    .option('--max-file-size <bytes>', 'skip larger files, with a reason', parseSize, DEFAULT_MAX_FILE_SIZE)
    .option('--workers <n>', 'threads to check stories on, this one included (0 or 1: this thread only; default: by corpus size)', parseCount)
    .option('--cache <dir>', 'keep findings by content hash in this folder; unchanged stories are not checked again')
    .action(async (paths: string[], options: CheckCliOptions) => setExit(await check(paths, options)));

  cli
    .command('eval')
    .description('score the rules against keyed stories: recall and precision by kind, as ../shared/tools/score.py computes them')
    .argument('[targets...]', 'story folders holding answers.yaml, folders of them, or DIR=KEY.yaml', ['.'])
    .option('--rules <dir>', 'folder of YAML rules', 'rules')
    .addOption(new Option('--format <format>', 'report format').choices(['pretty', 'json']).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--rule <id>', 'run only this rule (repeatable)', (id: string, ids: string[]) => [...ids, id], [] as string[])
    .option('--verbose', 'list every missed item, false positive and unjudged finding with file:line')
    .option('--baseline <file>', 'exit 1 when an item it records is lost or a false positive is added')
    .option('--update-baseline', 'record this run as the baseline (in the --baseline file)')
    .action((targets: string[], options: EvalCliOptions) => setExit(runEval(targets, options)));

  cli
    .command('test-rules')
    .description("run the examples of a folder's rules and print a pass/fail table")
    .argument('[dir]', 'folder of YAML rules', 'rules')
    .action((dir: string) => setExit(testRules(dir)));

  cli
    .command('explain')
    .description('show what a rule checks, its options with their values and defaults, and its examples')
    .argument('<id>', 'rule id')
    .option('--rules <dir>', 'folder of YAML rules', 'rules')
    .action((id: string, options: { rules: string }) => {
      const rule = loadRules(options.rules).find((candidate) => candidate.id === id);
      if (!rule) throw new UserError(`explain ${id}`, 'no such rule', `rules in ${options.rules}: ${loadRules(options.rules).map((r) => r.id).join(', ')}`);
      process.stdout.write(explainRule(rule));
      setExit(EXIT.ok);
    });

  cli
    .command('init')
    .description('write starter rules and a GitHub workflow into a repository, never overwriting a file')
    .argument('[dir]', 'repository root', '.')
    .action((dir: string) => {
      for (const outcome of init(dir)) process.stdout.write(`${outcome.written ? 'wrote' : 'kept (exists)'} ${outcome.path}\n`);
      process.stdout.write(
        '\nNext: put each story\'s articles in a folder under articles/ (or change `paths:` in the workflow),\n' +
          'replace OWNER in .github/workflows/crosscheck.yml with where crosscheck is published, and run\n' +
          '`crosscheck articles` to check them.\n',
      );
      setExit(EXIT.ok);
    });
  return cli;
}

async function check(paths: string[], options: CheckCliOptions): Promise<number> {
  const result = await checkPaths({
    paths: paths.length ? paths : ['.'],
    rulesDir: options.rules,
    only: options.rule,
    maxFileSize: options.maxFileSize,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.cache ? { cacheDir: options.cache } : {}),
  });
  if (options.output) refuseInputAsOutput(options.output, result);
  const color = !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  writeReport(streamReport(options.format, result, { color, ...(options.output ? { outputDir: dirname(resolve(options.output)) } : {}) }), options.output);
  if (options.failOn === 'never') return EXIT.ok;
  const threshold = SEVERITY_RANK[options.failOn];
  return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT.findings : EXIT.ok;
}

interface EvalCliOptions {
  rules: string;
  rule: string[];
  format: 'pretty' | 'json';
  output?: string;
  verbose?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
}

function runEval(targets: string[], options: EvalCliOptions): number {
  if (options.updateBaseline && !options.baseline) throw new UserError('--update-baseline', 'no baseline file named', 'add --baseline FILE');
  const evaluation = evaluate(findTargets(targets.length ? targets : ['.']), selectRules(loadRules(options.rules), options.rule, options.rules));
  let comparison;
  if (options.baseline && options.updateBaseline) {
    writeBaseline(options.baseline, evaluation);
    process.stderr.write(`wrote ${options.baseline}\n`);
  } else if (options.baseline) {
    comparison = compareWithBaseline(evaluation, readBaseline(options.baseline));
  }
  const reportOptions = { verbose: options.verbose === true, ...(comparison ? { baseline: comparison } : {}) };
  writeReport(options.format === 'json' ? formatEvalJson(evaluation, reportOptions) : formatEvalPretty(evaluation, reportOptions), options.output);
  return comparison && comparison.regressions.length > 0 ? EXIT.findings : EXIT.ok;
}

function writeReport(report: string | Iterable<string>, output: string | undefined): void {
  const pieces = typeof report === 'string' ? [report] : report;
  if (!output) {
    for (const piece of pieces) process.stdout.write(piece);
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(output, 'w');
    for (const piece of pieces) writeSync(fd, piece);
  } catch (error) {
    throw new UserError(output, `cannot write the report (${(error as NodeJS.ErrnoException).code})`, 'check the folder exists and is writable');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `--output` naming an article (or a skipped input) would overwrite what was just checked. */
function refuseInputAsOutput(output: string, result: CheckResult): void {
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const target = real(output);
  const inputs = [...result.stories.flatMap((story) => story.articles.map((article) => article.path)), ...result.skipped.map((skipped) => skipped.path)];
  const input = inputs.find((path) => real(path) === target);
  if (input !== undefined) throw new UserError(`--output ${output}`, `is the input ${input}; writing the report there would overwrite it`, 'write the report to another file');
}

function testRules(dir: string): number {
  const outcomes = loadRules(dir).flatMap(runExamples);
  const ruleWidth = Math.max(4, ...outcomes.map((o) => o.rule.length));
  const exampleWidth = Math.max(7, ...outcomes.map((o) => o.example.length));
  const lines = [`${'rule'.padEnd(ruleWidth)}  ${'example'.padEnd(exampleWidth)}  result`];
  for (const outcome of outcomes) {
    lines.push(`${outcome.rule.padEnd(ruleWidth)}  ${outcome.example.padEnd(exampleWidth)}  ${outcome.passed ? 'pass' : `FAIL: ${terminalSafe(outcome.problem ?? '')}`}`);
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  const rulesWithout = loadRules(dir).filter((rule) => !rule.examples || rule.examples.valid.length + rule.examples.invalid.length === 0);
  lines.push('', `${outcomes.length - failed} passed, ${failed} failed`);
  for (const rule of rulesWithout) lines.push(`${rule.id}: no examples (add \`examples:\` with valid and invalid stories)`);
  process.stdout.write(lines.join('\n') + '\n');
  return failed > 0 ? EXIT.findings : EXIT.ok;
}

function parseCount(value: string): number {
  const count = Number(value);
  // More threads than CPUs is slower, and millions of them exhaust the stack or V8 itself.
  const cpus = availableParallelism();
  if (!Number.isInteger(count) || count < 0 || count > cpus) throw new InvalidArgumentError(`expected a whole number from 0 to ${cpus} (the CPUs this machine has)`);
  return count;
}

function parseSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new InvalidArgumentError('expected a whole number of bytes');
  return size;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const cli = program((code) => (exit = code));
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    if (isUserError(error)) {
      // Messages name files, and a file name can hold escape sequences: show them, do not run them.
      process.stderr.write(`${error.message.split('\n').map(terminalSafe).join('\n')}\n`);
      return EXIT.error;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(
      debug
        ? `crosscheck: internal error: ${(error as Error).stack}\n`
        : `crosscheck: internal error: ${terminalSafe((error as Error).message)}: please report it (run with --debug for details)\n`,
    );
    return EXIT.error;
  }
}

process.exitCode = await main(process.argv.slice(2));
