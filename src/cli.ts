#!/usr/bin/env node
import { closeSync, openSync, readFileSync, realpathSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { readBaselineFile, writeBaselineFile } from './baseline.js';
import { progressReporter, userCwd, useColor } from './cli-paths.js';
import { loadConfig } from './config/config.js';
import { findIgnoreFile, ignorePredicate, readIgnoreFile } from './config/ignore.js';
import { mergeReports } from './merge.js';
import { displayPath } from './paths.js';
import { plural } from './report/pretty.js';
import { parseShard } from './shard.js';
import { parseByteSize } from './size.js';
import { explainKind } from './rules/explain-kind.js';
import { KINDS } from './kinds/index.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkPaths, selectRules } from './check.js';
import { DEFAULT_MAX_FILE_SIZE } from './corpus/read.js';
import { isUserError, UserError } from './errors.js';
import { SEVERITY_RANK, SEVERITIES, type Finding, type Severity } from './findings.js';
import { init } from './init/init.js';
import { FORMATS, streamReport, type Format, type ReportOptions } from './report/index.js';
import { terminalSafe } from './report/terminal-text.js';
import { TOOL_VERSION, type CheckResult } from './result.js';
import { runExamples } from './rules/examples.js';
import { explainRule } from './rules/explain.js';
import { loadRules } from './rules/load.js';

/** Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or a failing example); 2 usage, rule or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface CheckCliOptions {
  config?: string;
  rules?: string[];
  format: Format;
  output?: string;
  failOn?: Severity | 'never';
  minSeverity?: Severity;
  rule: string[];
  maxFileSize?: number;
  workers?: number;
  cache?: string;
  baseline?: string;
  writeBaseline?: boolean;
  shard?: string;
  stdinFilename?: string;
  color?: boolean;
  quiet?: boolean;
}

const EXIT_CODES_HELP = `
Exit codes:
  0  no finding at or above --fail-on
  1  a finding at or above --fail-on
  2  a usage, config, rule or input error (no article read included), printed as where: what: what to do
`;

function program(setExit: (code: number) => void): Command {
  const cli = new Command('crosscheck')
    .description('Check that news articles about one event agree: quotes, figures, dates and names.')
    .version(TOOL_VERSION)
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(usageError(text)) })
    .addHelpText('after', `\nRun crosscheck COMMAND --help for a command's options and examples.\n${EXIT_CODES_HELP}`);

  cli
    .command('check', { isDefault: true })
    .description('check articles (the default command)')
    .argument('[paths...]', 'articles or folders of articles (.txt, .md); each folder is one story; - reads standard input (with --stdin-filename)')
    .option('-c, --config <file>', 'config file (default: the nearest .crosscheck.yaml or crosscheck.config.yaml at or above this folder)')
    .option('-r, --rules <dir>', 'folder of YAML rules; repeatable (default: rules)', collect, undefined)
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: error)').choices([...SEVERITIES, 'never']))
    .addOption(new Option('--min-severity <severity>', 'report only findings at or above this severity').choices(SEVERITIES))
    .option('--rule <id>', 'run only this rule (repeatable)', (id: string, ids: string[]) => [...ids, id], [] as string[])
    .option('--max-file-size <size>', 'skip larger files, with a reason: bytes or 10MB, 512kb (default: 10MB)', parseSize)
    .option('--workers <n>', 'threads to check stories on, this one included (0 or 1: this thread only; default: by corpus size)', parseCount)
    .option('--cache <dir>', 'keep findings by content hash in this folder; unchanged stories are not checked again')
    .option('--baseline <file>', 'report only findings not in this baseline file')
    .option('--write-baseline', 'write every current finding to the --baseline file (and exit 0)')
    .option('--shard <i/n>', 'check only share i of n of the stories (by story id); merge the JSON reports with crosscheck merge')
    .option('--stdin-filename <path>', 'the path of the article read from standard input (-), for its story and positions')
    .option('--color', 'colour the pretty report (default: on a terminal; FORCE_COLOR and NO_COLOR are read)')
    .option('--no-color', 'never colour')
    .option('-q, --quiet', 'no progress on standard error')
    .addHelpText(
      'after',
      `
Examples:
  crosscheck articles                               check every story under articles/
  crosscheck articles -f sarif -o crosscheck.sarif  SARIF for code scanning
  crosscheck articles --rule quotes --fail-on warning
  crosscheck articles --baseline known.json --write-baseline   accept today's findings
  crosscheck articles --baseline known.json         report only new findings
  crosscheck articles --shard 2/4 -f json -o shard-2.json
  cat draft.md | crosscheck - articles/story --stdin-filename articles/story/draft.md
${EXIT_CODES_HELP}`,
    )
    .action(async (paths: string[], options: CheckCliOptions) => setExit(await check(paths, options)));

  cli
    .command('merge')
    .description('combine the JSON reports of --shard runs into one report, as one run would give')
    .argument('<reports...>', 'JSON reports written with --shard i/n --format json')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'never']).default('error'))
    .option('--color', 'colour the pretty report')
    .option('--no-color', 'never colour')
    .addHelpText('after', `\nExamples:\n  crosscheck merge shard-*.json -f sarif -o crosscheck.sarif\n  crosscheck merge shard-1.json shard-2.json -f html -o report.html\n${EXIT_CODES_HELP}`)
    .action((reports: string[], options: { format: Format; output?: string; failOn: Severity | 'never'; color?: boolean }) => {
      const result = mergeReports(reports, process.cwd());
      writeReport(streamReport(options.format, result, reportOptions(options.color, options.output)), options.output);
      setExit(exitFor(result.findings, options.failOn));
    });

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
    .addHelpText('after', `\nExamples:\n  crosscheck eval ../shared/corpora/keyed --verbose\n  npm run eval\n\nExit codes:\n  0  no regression against --baseline\n  1  an item the baseline records is lost, or a false positive added\n  2  a usage, rule or answer-key error\n`)
    .action(async (targets: string[], options: EvalCliOptions) => setExit(await runEval(targets, options)));

  cli
    .command('test-rules')
    .description("run the examples of a folder's rules and print a pass/fail table")
    .argument('[dir]', 'folder of YAML rules', 'rules')
    .addHelpText('after', `\nExamples:\n  crosscheck test-rules          the rules in ./rules\n  crosscheck test-rules my-rules\n\nExit codes:\n  0  every example passes\n  1  an example fails\n  2  a rule file is malformed\n`)
    .action((dir: string) => setExit(testRules(dir)));

  cli
    .command('explain')
    .description('show what a rule checks (its options, values and examples), or what a kind checks and its options')
    .argument('<id>', 'rule id or kind name')
    .option('-r, --rules <dir>', 'folder of YAML rules', 'rules')
    .addHelpText('after', `\nExamples:\n  crosscheck explain war-length   a rule of ./rules\n  crosscheck explain duration     the duration kind and every option it takes\n${EXIT_CODES_HELP}`)
    .action((id: string, options: { rules: string }) => {
      const rules = loadRules(options.rules);
      const rule = rules.find((candidate) => candidate.id === id);
      const kind = KINDS.get(id);
      if (!rule && !kind) throw new UserError(`explain ${id}`, 'no such rule or kind', `rules in ${options.rules}: ${rules.map((r) => r.id).join(', ')}; kinds: ${[...KINDS.keys()].join(', ')}`);
      process.stdout.write(rule ? explainRule(rule) : explainKind(kind!));
      setExit(EXIT.ok);
    });

  cli
    .command('init')
    .description('write starter rules and a GitHub workflow into a repository, never overwriting a file')
    .argument('[dir]', 'repository root', '.')
    .addHelpText('after', `\nExamples:\n  crosscheck init              into this folder\n  crosscheck init ../newsroom  into another repository\n${EXIT_CODES_HELP}`)
    .action((dir: string) => {
      process.stdout.write(`writing into ${resolve(dir)}\n`);
      for (const outcome of init(dir)) process.stdout.write(`${outcome.written ? 'wrote' : 'kept (exists)'} ${outcome.path}\n`);
      process.stdout.write(
        '\nNext: put each story\'s articles in a folder under articles/ (or change `paths:` in the workflow),\n' +
          'adapt rules/war-length.yaml (a duration rule) to your event or delete it,\n' +
          'replace OWNER in .github/workflows/crosscheck.yml with where crosscheck is published, and run\n' +
          '`npx crosscheck articles` to check them.\n',
      );
      setExit(EXIT.ok);
    });
  return cli;
}

async function check(paths: string[], options: CheckCliOptions): Promise<number> {
  const config = loadConfig(process.cwd(), options.config);
  const fromConfig = (path: string): string => relative(process.cwd(), resolve(config.dir, path)) || '.';
  const given = paths.length > 0 ? paths : (config.values.paths?.map(fromConfig) ?? ['.']);
  const rulesDir = options.rules ?? (config.values.rules ? [config.values.rules].flat().map(fromConfig) : [fromConfig('rules')]);
  if (options.writeBaseline && !options.baseline) throw new UserError('--write-baseline', 'no baseline file named', 'add --baseline FILE');
  if (given.includes('-') && !options.stdinFilename) throw new UserError('-', 'standard input has no file name', 'add --stdin-filename PATH (the article\'s path, for its story and positions)');
  const ignoreFile = findIgnoreFile(process.cwd());
  const ignored = ignorePredicate([
    ...(ignoreFile ? [readIgnoreFile(ignoreFile)] : []),
    ...(config.values.ignore ? [{ dir: config.dir, patterns: config.values.ignore }] : []),
  ]);
  const progress = !options.quiet && process.stderr.isTTY === true ? progressReporter((text) => process.stderr.write(text)) : undefined;
  const failOn = options.failOn ?? config.values.failOn ?? 'error';
  const result = await checkPaths({
    paths: given,
    rulesDir,
    only: options.rule,
    maxFileSize: options.maxFileSize ?? config.values.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(config.values.severity ? { severity: config.values.severity, severitySource: config.path ?? 'config' } : {}),
    ...((options.minSeverity ?? config.values.minSeverity) ? { minSeverity: options.minSeverity ?? config.values.minSeverity } : {}),
    ...(options.baseline && !options.writeBaseline ? { baseline: readBaselineFile(options.baseline) } : {}),
    ...(options.shard ? { shard: parseShard(options.shard) } : {}),
    ...(options.stdinFilename && given.includes('-') ? { stdin: { path: displayPath(options.stdinFilename, process.cwd()), text: readFileSync(0, 'utf8') } } : {}),
    ...(ignored ? { ignored } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.cache ? { cacheDir: options.cache } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  if (options.output) refuseInputAsOutput(options.output, result);
  progress?.done();
  writeReport(streamReport(options.format, result, reportOptions(options.color, options.output)), options.output);
  if (options.writeBaseline && options.baseline) {
    writeBaselineFile(options.baseline, result.findings);
    process.stderr.write(`wrote ${plural(result.findings.length, 'finding')} to the baseline ${options.baseline}\n`);
    return EXIT.ok;
  }
  return exitFor(result.findings, failOn);
}

function reportOptions(colorFlag: boolean | undefined, output: string | undefined): ReportOptions {
  const color = output ? colorFlag === true : useColor(colorFlag, process.stdout.isTTY === true);
  return { color, ...(output ? { outputDir: dirname(resolve(output)) } : {}) };
}

function exitFor(findings: readonly Finding[], failOn: Severity | 'never'): number {
  if (failOn === 'never') return EXIT.ok;
  const threshold = SEVERITY_RANK[failOn];
  return findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT.findings : EXIT.ok;
}

/**
 * Commander's messages in the documented form, `where: what: what to do`: the option or argument,
 * what is wrong with it, and where to look.
 */
export function usageError(text: string): string {
  const message = text.replace(/^error: /, '').trim();
  const flag = (spec: string): string => spec.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? spec.split(' ')[0]!;
  let match;
  if ((match = /^option '([^']+)' argument '([^']*)' is invalid\. (.*)$/s.exec(message))) {
    return `${flag(match[1]!)} ${match[2]}: not allowed: ${match[3]!.replace(/^Allowed choices are (.*)\.$/, 'use one of $1')}\n`;
  }
  if ((match = /^unknown option '([^']+)'(?:\s*\(Did you mean (.*)\?\))?/.exec(message))) {
    return `${match[1]}: unknown option: ${match[2] ? `did you mean ${match[2]}? ` : ''}see crosscheck --help\n`;
  }
  if ((match = /^option '([^']+)' argument missing/.exec(message))) return `${flag(match[1]!)}: no value given: write ${match[1]}\n`;
  if ((match = /^missing required argument '([^']+)'/.exec(message))) return `<${match[1]}>: missing: see crosscheck COMMAND --help\n`;
  if ((match = /^unknown command '([^']+)'/.exec(message))) return `${match[1]}: unknown command: see crosscheck --help\n`;
  return `crosscheck: ${message.replace(/\.$/, '')}: see crosscheck --help\n`;
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

async function runEval(targets: string[], options: EvalCliOptions): Promise<number> {
  // Loaded only for eval: the scorer's difflib fails to load inside the ES module bundle, and
  // checking articles must not depend on it.
  const [{ compareWithBaseline, readBaseline, writeBaseline }, { evaluate, findTargets }, { formatEvalJson, formatEvalPretty }] = await Promise.all([
    import('./eval/baseline.js'),
    import('./eval/run.js'),
    import('./report/eval.js'),
  ]);
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
  const size = parseByteSize(value);
  if (size === undefined) throw new InvalidArgumentError('expected a size such as 10MB, 512kb or a number of bytes');
  return size;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const cli = program((code) => (exit = code));
  try {
    // Under `npm run`, paths are the user's, not the package root's.
    const cwd = userCwd();
    if (cwd !== process.cwd()) process.chdir(cwd);
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
