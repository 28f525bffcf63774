import { LineCounter, parseDocument, visit, type Document } from 'yaml';

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
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].map((problem) => ({
    offset: problem.pos[0],
    message: problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  if (problems.length > 0) return { problems, lineCounter };
  let alias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) {
    return { problems: [{ offset: alias, message: 'aliases are not allowed (write the value out)' }], lineCounter };
  }
  return { doc, value: doc.toJS(), lineCounter };
}
