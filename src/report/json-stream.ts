/**
 * `JSON.stringify(value, null, 2)`, given as pieces: a report of many findings can be longer than the
 * longest string V8 can make, so it is written out as it is made. Pieces are gathered to about `chunk`
 * characters each.
 */
export function* jsonChunks(value: unknown, chunk = 64 * 1024): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces(value, '')) {
    buffer.push(piece);
    length += piece.length;
    if (length >= chunk) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  buffer.push('\n');
  yield buffer.join('');
}

function* pieces(value: unknown, indent: string): Generator<string> {
  const json = toJson(value);
  if (json === null || typeof json !== 'object') {
    yield JSON.stringify(json) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(json)) {
    if (json.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let index = 0; index < json.length; index++) {
      yield `${index ? ',' : ''}\n${inner}`;
      const item = toJson(json[index]);
      // As JSON.stringify: a value JSON cannot hold is null in a list.
      yield* item === undefined || typeof item === 'function' || typeof item === 'symbol' ? ['null'] : pieces(item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  // As JSON.stringify: a key whose value JSON cannot hold is left out.
  const entries = Object.entries(json).filter(([, item]) => {
    const shown = toJson(item);
    return shown !== undefined && typeof shown !== 'function' && typeof shown !== 'symbol';
  });
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [index, [key, item]] of entries.entries()) {
    yield `${index ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
    yield* pieces(item, inner);
  }
  yield `\n${indent}}`;
}

function toJson(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
}
