import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';

/**
 * A finding's identity across runs: its rule and, for every side, the file and the excerpt, not
 * their positions, so it survives lines added above it. SARIF's `partialFingerprints`, the
 * baseline and shard merging all use this one function.
 */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'location' | 'related'>): string {
  const hash = createHash('sha256');
  hash.update(finding.ruleId);
  for (const span of [finding.location, ...finding.related]) hash.update(`${span.path}\0${span.excerpt}\0`);
  return hash.digest('hex').slice(0, 32);
}
