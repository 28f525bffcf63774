import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPaths } from './check.js';
import { isUserError } from './errors.js';
import { SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from './findings.js';
import { displayPath } from './paths.js';
import { issueAnnotations, issueSkipped, planAnnotations } from './report/github.js';
import { formatJson } from './report/json.js';
import { plural } from './report/pretty.js';
import { streamSarif } from './report/sarif.js';
import { parseShard } from './shard.js';
import { formatSummary } from './report/summary.js';
import { terminalSafe } from './report/terminal-text.js';
import { countBySeverity, type CheckResult } from './result.js';

/**
 * The GitHub Action: inputs in; annotations, a job summary, a SARIF file and outputs out. On a
 * pull request only findings with a side in a changed file are kept (`only-changed`).
 */
export async function runAction(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = core.getMultilineInput('paths').flatMap((line) => line.split(/\s+/)).filter(Boolean);
  const rulesDir = core.getInput('rules') || 'rules';
  const failOn = (core.getInput('fail-on') || 'error') as Severity | 'never';
  const sarifFile = core.getInput('sarif-file') || 'crosscheck.sarif';
  const cacheDir = core.getInput('cache');
  const shardInput = core.getInput('shard');
  const onlyChangedInput = core.getInput('only-changed');
  const onPullRequest = (process.env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request');
  if (!['', 'true', 'false', 'True', 'False', 'TRUE', 'FALSE'].includes(onlyChangedInput)) {
    core.setFailed(`only-changed: "${onlyChangedInput}" is not true or false`);
    return;
  }
  const onlyChanged = onlyChangedInput === '' ? onPullRequest : onlyChangedInput.toLowerCase() === 'true';
  if (![...SEVERITIES, 'never'].includes(failOn)) {
    core.setFailed(`fail-on: "${failOn}" is not one of error, warning, notice, never`);
    return;
  }

  let result;
  try {
    const shard = shardInput ? parseShard(shardInput) : undefined;
    result = await checkPaths({
      paths: paths.length ? paths : ['.'],
      rulesDir,
      cwd: workspace,
      warn: (message) => core.warning(message),
      ...(cacheDir ? { cacheDir: resolve(workspace, cacheDir) } : {}),
      ...(shard ? { shard } : {}),
    });
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(error.message.split('\n').map(terminalSafe).join('\n'));
      return;
    }
    throw error;
  }

  let findings: readonly Finding[] = result.findings;
  let changed: Set<string> | undefined;
  let hidden = 0;
  if (onlyChanged) {
    changed = changedFiles(workspace);
    // A pull request that changes the rules changes what every article is checked against.
    const rulesRoot = `${displayPath(resolve(workspace, rulesDir), workspace)}/`;
    if (changed && [...changed].some((path) => path.startsWith(rulesRoot))) {
      core.info('The rules changed: showing findings in every file.');
      changed = undefined;
    }
    if (changed) {
      const kept = findings.filter((finding) => [finding.location, ...finding.related].some((span) => changed!.has(span.path)));
      hidden = findings.length - kept.length;
      findings = kept;
      if (hidden > 0) core.info(`${hidden} findings with no side in a file this pull request changes are not shown.`);
    }
  }
  const shownResult = { ...result, findings };

  issueSkipped(result);
  issueAnnotations(planAnnotations(findings, changed));
  try {
    await core.summary.addRaw(formatSummary(shownResult, { hidden }), true).write();
  } catch (error) {
    // Outside GitHub (GITHUB_STEP_SUMMARY unset) or an unwritable file: the rest of the report still stands.
    core.warning(`no job summary written: ${terminalSafe((error as Error).message)}`);
  }
  writeSarif(resolve(workspace, sarifFile), shownResult);
  // A shard also writes its JSON report, for `crosscheck merge` in a later job.
  const jsonFile = shardInput ? sarifFile.replace(/(\.sarif)?$/, '.json') : '';
  if (jsonFile) writeFileSync(resolve(workspace, jsonFile), formatJson(result));
  core.setOutput('json-file', jsonFile);

  const counts = countBySeverity(findings);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  core.setOutput('notices', counts.notice);
  core.setOutput('findings', findings.length);
  core.setOutput('hidden', hidden);
  core.setOutput('sarif-file', sarifFile);
  if (failOn !== 'never') {
    const failing = findings.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]).length;
    if (failing > 0) core.setFailed(`${plural(failing, 'finding')} at or above ${failOn}`);
  }
}

/**
 * Files the pull request changes, relative to the workspace as findings name them: a diff from the
 * merge base of the pull request's base commit (event payload) or base branch. Undefined when git
 * cannot tell, so that nothing is hidden by mistake.
 */
function changedFiles(workspace: string): Set<string> | undefined {
  let base: string | undefined;
  try {
    const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { base?: { sha?: string } } };
    base = event.pull_request?.base?.sha;
  } catch {
    // No event payload: fall back to the base branch.
  }
  base ??= process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : undefined;
  if (!base) {
    core.warning('only-changed: no pull request base found; showing findings in every file');
    return undefined;
  }
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: workspace, encoding: 'utf8' }).trim();
    // Unquoted, NUL-separated names: "café 002.txt" must not come back as "caf\303\251 002.txt".
    // The base comes from the event payload: never let it be read as an option.
    const names = execFileSync('git', ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--end-of-options', `${base}...HEAD`], { cwd: workspace, encoding: 'utf8' });
    return new Set(names.split('\0').filter(Boolean).map((name) => displayPath(resolve(root, name), workspace)));
  } catch (error) {
    core.warning(`only-changed: git could not list the changed files (${(error as Error).message.split('\n')[0]}); check out with fetch-depth: 0. Showing findings in every file.`);
    return undefined;
  }
}

/** SARIF is written in pieces: a report of many findings can be longer than V8's longest string. */
function writeSarif(path: string, result: CheckResult): void {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
    for (const piece of streamSarif(result)) writeSync(fd, piece);
  } catch (error) {
    core.setFailed(`${terminalSafe(path)}: cannot write the SARIF report (${(error as NodeJS.ErrnoException).code ?? 'error'}): check sarif-file names a writable path`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// As the CLI: a one-line message; the stack only when the step is re-run with debug logging.
runAction().catch((error: unknown) =>
  core.setFailed(`crosscheck: internal error: ${(core.isDebug() ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error))).split('\n').map(terminalSafe).join('\n')}: please report it (re-run with debug logging for details)`),
);
