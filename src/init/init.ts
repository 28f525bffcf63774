import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { ruleJsonSchemaText } from '../rules/json-schema.js';
import { STARTER_RULES } from './starter-rules.js';

const WORKFLOW = `# Checks that the articles a pull request adds or edits agree with the rest of their story.
name: crosscheck
on:
  pull_request:
    paths: ['articles/**', 'rules/**']
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - id: crosscheck
        uses: OWNER/crosscheck@v1
        with:
          paths: articles
          rules: rules
          fail-on: error
      - if: always() && steps.crosscheck.outputs.sarif-file != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: \${{ steps.crosscheck.outputs.sarif-file }}
`;

export interface InitOutcome {
  path: string;
  written: boolean;
}

/** `crosscheck init`: starter rules, their JSON Schema and a workflow; an existing file is never overwritten. */
export function init(root: string): InitOutcome[] {
  const files: Record<string, string> = {
    ...Object.fromEntries(Object.entries(STARTER_RULES).map(([name, text]) => [join('rules', name), text])),
    [join('rules', 'rule.schema.json')]: ruleJsonSchemaText(),
    [join('.github', 'workflows', 'crosscheck.yml')]: WORKFLOW,
  };
  return Object.entries(files).map(([path, text]) => {
    const target = join(root, path);
    if (existsSync(target)) return { path, written: false };
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: 'wx' });
    } catch (error) {
      throw new UserError(target, `cannot write (${(error as NodeJS.ErrnoException).code})`, 'give init the root folder of a repository');
    }
    return { path, written: true };
  });
}
