import abbreviations from './abbreviations.json' with { type: 'json' };
import contractions from './contractions.json' with { type: 'json' };
import nameConnectors from './name-connectors.json' with { type: 'json' };
import numbers from './numbers.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import predicates from './predicates.json' with { type: 'json' };
import qualifiers from './qualifiers.json' with { type: 'json' };
import relativeDates from './relative-dates.json' with { type: 'json' };
import reportingVerbs from './reporting-verbs.json' with { type: 'json' };
import speakerWords from './speaker-words.json' with { type: 'json' };
import stopwords from './stopwords.json' with { type: 'json' };
import units from './units.json' with { type: 'json' };

/**
 * Every vocabulary, read once (the JSON modules are loaded once per process) and without its
 * `description`, which documents the file for people and is no entry of the list.
 */
export const VOCABULARY = {
  abbreviations: abbreviations.words,
  contractions: withoutDescription(contractions),
  nameConnectors: nameConnectors.words,
  numbers: withoutDescription(numbers),
  places: withoutDescription(places),
  predicates: predicates.verbs,
  qualifiers: withoutDescription(qualifiers),
  relativeDates: withoutDescription(relativeDates),
  reportingVerbs: reportingVerbs.verbs,
  speakerWords: withoutDescription(speakerWords),
  stopwords: stopwords.words,
  units: { units: units.units, events: withoutDescription(units.events) },
} as const;

function withoutDescription<T extends { description: string }>(vocabulary: T): Omit<T, 'description'> {
  const { description: _description, ...entries } = vocabulary;
  return entries;
}
