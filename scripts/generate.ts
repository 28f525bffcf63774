// Regenerates what is derived from the code and the bundled rules; tests fail when any is stale:
// docs/rule.schema.json, docs/rules.md, and the starter rules `crosscheck init` writes.
import { writeFileSync } from 'node:fs';
import { generatedFiles } from '../src/generated.js';

for (const [path, text] of Object.entries(generatedFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  process.stdout.write(`wrote ${path}\n`);
}
