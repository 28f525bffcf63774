// Regenerates docs/rule.schema.json from the rule schemas; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { ruleJsonSchemaText } from '../src/rules/json-schema.js';

writeFileSync(new URL('../docs/rule.schema.json', import.meta.url), ruleJsonSchemaText());
