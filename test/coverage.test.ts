import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../src/coverage.js';
import { seedsResult } from './support/fixtures.js';

describe('coverage', () => {
  const result = seedsResult();
  const [seeds] = buildCoverage(result);

  it('puts each finding in exactly one row: the group its kind tied it to', () => {
    const placed = seeds!.rows.flatMap((row) => row.findings);
    expect(placed).toHaveLength(result.findings.length);
    expect(new Set(placed)).toEqual(new Set(result.findings));
  });

  it('gives a notice its own row rather than every row one of its spans overlaps', () => {
    const rowsOf = (label: string) => seeds!.rows.filter((row) => row.findings.some((finding) => finding.message.includes(label))).map((row) => `${row.kind} ${row.label}`);
    expect(rowsOf('capitalised differently from "Coalition of the Willing"')).toEqual(['name coalition of the willing / Coalition of the Willing']);
    expect(seeds!.rows.find((row) => row.label === 'Maria Zakharova: “axis of war”')!.findings.map((finding) => finding.ruleId)).toEqual(['quotes']);
  });

  it('rates a row by its own findings, and keeps facts no finding is about', () => {
    for (const row of seeds!.rows) {
      const worst = row.findings.map((finding) => finding.severity).sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b))[0];
      expect(row.conflict).toBe(worst);
    }
    expect(seeds!.rows.filter((row) => row.kind === 'figure').map((row) => [row.label, row.findings.length, row.cells.size])).toContainEqual(['point', 0, 2]);
  });
});
