// The baseline: read every article under a folder and split it into words, in Node, nothing more.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let words = 0;
let bytes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const text = readFileSync(path, 'utf8');
      bytes += Buffer.byteLength(text);
      for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) words++;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(JSON.stringify({ words, bytes, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
