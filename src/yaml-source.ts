import { isCollection, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** Rules and front matter are shallow; deeper nesting is a mistake or an attack on the parser's stack. */
const MAX_DEPTH = 32;
const MAX_PROBLEMS = 5;

/** The offset where flow brackets or block indentation first nest deeper than `limit`, if they do. */
function nestingBeyond(source: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === quote && source[i - 1] !== '\\') quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if (ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
    } else if (ch === '\n') {
      quote = undefined;
      const indent = /^ */.exec(source.slice(i + 1))![0].length;
      if (indent / 2 > limit) return i + 1;
    }
  }
  return undefined;
}

export interface YamlProblem {
  offset: number;
  message: string;
}

export type ParsedYaml =
  | { doc: Document; value: unknown; lineCounter: LineCounter }
  | { problems: YamlProblem[]; lineCounter: LineCounter };

/**
 * Parses untrusted YAML keeping positions. Duplicate keys, unknown tags and any alias are
 * problems, not values: an alias has no use in a rule or front matter and is how alias bombs start.
 */
export function parseYamlSource(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const tooDeep = nestingBeyond(source, MAX_DEPTH);
  if (tooDeep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { problems: [{ offset: tooDeep, message: `nested deeper than ${MAX_DEPTH} levels` }], lineCounter };
  }
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].map((problem) => ({
    offset: problem.pos[0],
    message: problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  // The first few problems say what is wrong; a cascade after them says nothing more.
  if (problems.length > 0) return { problems: problems.slice(0, MAX_PROBLEMS), lineCounter };
  let structural: YamlProblem | undefined;
  visit(doc, {
    Alias(_key, node) {
      structural = { offset: node.range?.[0] ?? 0, message: 'aliases are not allowed (write the value out)' };
      return visit.BREAK;
    },
    Pair(_key, pair) {
      if (isCollection(pair.key)) {
        structural = { offset: pair.key.range?.[0] ?? 0, message: 'a key must be plain text, not a list or mapping' };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (structural) return { problems: [structural], lineCounter };
  return { doc, value: doc.toJS(), lineCounter };
}
