import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser.js';
import { seedsResult } from '../support/fixtures.js';

describe.runIf(chromiumAvailable())('html report in headless Chromium', () => {
  it('shows the war-length and quote conflicts, expands one, filters, and is captured as a screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-html-'));
    const page = join(dir, 'report.html');
    writeFileSync(page, formatHtml(seedsResult()));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await tab.goto(pathToFileURL(page).href);
      const war = tab.locator('tr[data-kind="duration"] summary');
      await expect.poll(() => war.isVisible()).toBe(true);
      expect(await war.innerText()).toContain('war-length');
      const quote = tab.locator('tr[data-kind="quote"][data-severity="warning"] summary').first();
      expect(await quote.isVisible()).toBe(true);
      // Expand the quote conflict: its word diff appears.
      await quote.click();
      const diff = tab.locator('tr[data-kind="quote"][data-severity="warning"] .diff').first();
      expect(await diff.isVisible()).toBe(true);
      expect(await diff.locator('ins').first().innerText()).toMatch(/these|genuine|veritable/);
      // The filter (JavaScript on) hides agreeing facts.
      expect(await tab.locator('#filters').isVisible()).toBe(true);
      await tab.locator('input[value="none"]').uncheck();
      expect(await tab.locator('tr.fact[data-severity="none"]').first().isVisible()).toBe(false);
      await tab.locator('input[value="none"]').check();
      const shot = join(dir, 'report.png');
      await tab.screenshot({ path: shot, fullPage: false });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
