import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtml, renderDiff } from '../../src/report/html.js';
import { checkStories } from '../../src/engine.js';
import { loadRules } from '../../src/rules/load.js';
import { seedsResult } from '../support/fixtures.js';
import { storyOf } from '../support/helpers.js';

describe('html report', () => {
  const html = formatHtml(seedsResult());

  it('is one self-contained page: no external scripts, styles, images or fonts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('indexes stories by conflicts and shows articles as columns with outlet and date', () => {
    expect(html).toContain('<li><a href="#story-0">seeds</a> <span class="count">1 error, 4 warning, 5 notice</span></li>');
    expect(html).toContain('<th scope="col">themoscowtimes.com<br><small>000_c6436b982e71f45e.txt · 2026-01-08</small></th>');
    expect(html).toContain('<th scope="col">003_d495e447f9bcaa2a.txt<br><small>003_d495e447f9bcaa2a.txt</small></th>');
  });

  it('marks conflict rows by severity and expands them to excerpts, links and the word diff', () => {
    const warRow = /<tr class="fact" data-severity="error" data-kind="duration"><th scope="row"><details><summary><span class="mark error">error<\/span> <span class="kind">duration<\/span> war-length<\/summary>/;
    expect(html).toMatch(warRow);
    expect(html).toContain('<p class="diff">All <del>such</del><ins>these</ins> units ... targets <del>for</del><ins>of</ins> the <del>Russian</del> Armed Forces <ins>of the Russian Federation</ins></p>');
    expect(html).toContain('<a href="seeds/003_d495e447f9bcaa2a.txt#L46">seeds/003_d495e447f9bcaa2a.txt:46:63</a>');
  });

  it('shows facts that agree, and facts only one article has, as such', () => {
    expect(html).toMatch(/<tr class="fact" data-severity="none" data-kind="figure"><th scope="row"><span class="kind">figure<\/span> point<\/th><td><a [^>]+>28-point<\/a><\/td><td><a [^>]+>28-point<\/a><\/td>/);
    expect(html).toContain('<span class="single">one article only</span>');
    expect(html).toMatch(/<details class="single-facts"><summary>\d+ facts only one article gives<\/summary>\n<ul><li data-kind="/);
  });

  it('escapes article text and works without JavaScript (the filter starts hidden)', () => {
    const page = formatHtml({ ...(() => { const stories = [storyOf({ 'a.txt': 'The U.S. <script>alert(1)</script> envoy.', 'b.txt': 'The US envoy.' })]; const rules = loadRules('rules'); return { stories, rules, skipped: [], ...checkStories(stories, rules) }; })() });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('<form id="filters" hidden');
  });

  it('links to the articles relative to where the report is written', () => {
    expect(formatHtml(seedsResult(), join(process.cwd(), 'docs'))).toContain('<a href="../seeds/003_d495e447f9bcaa2a.txt#L46">seeds/003_d495e447f9bcaa2a.txt:46:63</a>');
  });

  it('groups facts as the rules that ran compare them: no quote, figure or date rows without those rules', () => {
    const result = seedsResult();
    const rules = result.rules.filter((rule) => rule.id === 'house-style');
    const page = formatHtml({ ...result, rules, ...checkStories(result.stories, rules) });
    expect(page).toContain('data-kind="consistency"');
    expect(page).not.toMatch(/data-kind="(quote|figure|date)"/);
  });

  it('renders word diffs with escaping', () => {
    expect(renderDiff('a [-<b>-]{+&+} c')).toBe('a <del>&#60;b&#62;</del><ins>&#38;</ins> c');
  });
});
