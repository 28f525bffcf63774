// One of several processes writing the same cache entries at once (test/cache.test.ts).
import { FindingsCache } from '../../src/cache.js';
import { parseArticle } from '../../src/corpus/article.js';

const [dir] = process.argv.slice(2);
const story = { id: 's', articles: [parseArticle('s/a.txt', 'One.'), parseArticle('s/b.txt', 'Two.')] };
const cache = new FindingsCache(dir!, [], (message) => {
  throw new Error(message);
});
for (let round = 0; round < 100; round++) {
  cache.set(story, { findings: [], groups: [] });
  if (!cache.get(story)) throw new Error('an entry just written was not read back');
}
