#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkPaths } from './check.js';
import { DEFAULT_MAX_FILE_SIZE } from './corpus/read.js';
import { isUserError, UserError } from './errors.js';
import { SEVERITY_RANK, SEVERITIES, type Severity } from './findings.js';
import { FORMATS, formatReport, type Format } from './report/index.js';
import { TOOL_VERSION } from './result.js';

/** Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, rule or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface CliOptions {
  rules: string;
  format: Format;
  output?: string;
  failOn: Severity | 'never';
  rule: string[];
  maxFileSize: number;
  debug?: boolean;
}

function program(): Command {
  return new Command('crosscheck')
    .description('Check that news articles about one event agree: quotes, figures, dates and names.')
    .version(TOOL_VERSION)
    .argument('[paths...]', 'articles or folders of articles (.txt, .md); each folder is one story', ['.'])
    .option('--rules <dir>', 'folder of YAML rules', 'rules')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices([...SEVERITIES, 'never'])
        .default('error'),
    )
    .option('--rule <id>', 'run only this rule (repeatable)', (id: string, ids: string[]) => [...ids, id], [] as string[])
    .option('--max-file-size <bytes>', 'skip larger files, with a reason', parseSize, DEFAULT_MAX_FILE_SIZE)
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

function parseSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new InvalidArgumentError('expected a whole number of bytes');
  return size;
}

export function main(argv: string[]): number {
  const cli = program();
  try {
    cli.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    throw error;
  }
  const options = cli.opts<CliOptions>();
  try {
    const result = checkPaths({ paths: cli.args.length ? cli.args : ['.'], rulesDir: options.rules, only: options.rule, maxFileSize: options.maxFileSize });
    const color = !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
    const report = formatReport(options.format, result, { color });
    if (options.output) {
      try {
        writeFileSync(options.output, report);
      } catch (error) {
        throw new UserError(options.output, `cannot write the report (${(error as NodeJS.ErrnoException).code})`, 'check the folder exists and is writable');
      }
    } else {
      process.stdout.write(report);
    }
    if (options.failOn === 'never') return EXIT.ok;
    const threshold = SEVERITY_RANK[options.failOn];
    return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT.findings : EXIT.ok;
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.error;
    }
    process.stderr.write(
      options.debug
        ? `crosscheck: internal error: ${(error as Error).stack}\n`
        : `crosscheck: internal error: ${(error as Error).message}: please report it (run with --debug for details)\n`,
    );
    return EXIT.error;
  }
}

process.exitCode = main(process.argv.slice(2));
