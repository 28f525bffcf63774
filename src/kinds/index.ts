import { consistency } from './consistency.js';
import type { Kind } from './kind.js';
import { name } from './name.js';
import { date } from './date.js';
import { duration } from './duration.js';
import { figure } from './figure.js';
import { quote } from './quote.js';

/** Every check kind, by the name rules give in `kind:`. Adding a kind is one line here. */
export const KINDS: ReadonlyMap<string, Kind> = new Map<string, Kind>(
  [consistency, quote, figure, duration, date, name].map((kind) => kind as unknown as Kind).map((kind) => [kind.name, kind]),
);
