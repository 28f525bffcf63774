// Writes docs/report.png: the HTML report of the seeds in headless Chromium, a conflict expanded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { checkPaths } from '../src/check.js';
import { formatHtml } from '../src/report/html.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/browser.js';

const result = await checkPaths({ paths: ['seeds'], rulesDir: 'rules' });
const page = join(mkdtempSync(join(tmpdir(), 'crosscheck-report-')), 'report.html');
writeFileSync(page, formatHtml(result));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await tab.goto(pathToFileURL(page).href);
await tab.locator('tr[data-kind="quote"][data-severity="warning"] summary').first().click();
await tab.locator('section.story').scrollIntoViewIfNeeded();
await tab.screenshot({ path: 'docs/report.png' });
await browser.close();
