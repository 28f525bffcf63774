import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/corpus/article.js';
import { extractFigures } from '../../src/extract/figures.js';
import { articleOf, expectSpanMatchesText } from '../support/helpers.js';

function figuresOf(text: string) {
  const article = articleOf('a.txt', text);
  return extractFigures(article).map((figure) => {
    const span = spanOf(article, figure.start, figure.end);
    expectSpanMatchesText(span, text);
    return {
      at: `${span.startColumn}-${span.endColumn} ${span.excerpt}`,
      interval: [figure.low, figure.high],
      ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
      ...(figure.unit ? { unit: figure.unit } : {}),
      ...(figure.noun ? { noun: figure.noun } : {}),
      ...(figure.event ? { event: figure.event } : {}),
      ...(figure.place ? { place: figure.place } : {}),
    };
  });
}

describe('extractFigures', () => {
  it.each([
    ['About 600,000 households in the region', [{ at: '1-14 About 600,000', interval: [540000, 660000], qualifier: 'approximately', noun: 'household' }]],
    ['hundreds of thousands of households', [{ at: '1-22 hundreds of thousands', interval: [200000, 1000000], noun: 'household' }]],
    ['a peace agreement is 90% done', [{ at: '22-25 90%', interval: [90, 90], unit: 'percent' }]],
    ['An initial 28-point plan', [{ at: '12-20 28-point', interval: [28, 28], unit: 'point', noun: 'plan' }]],
    ['four to five European brigades', [{ at: '1-13 four to five', interval: [4, 5], noun: 'brigade' }]],
    ['the group of around 30 countries', [{ at: '14-23 around 30', interval: [27, 33], qualifier: 'approximately', noun: 'country' }]],
    ['at least 12 people dead', [{ at: '1-12 at least 12', interval: [12, Number.POSITIVE_INFINITY], qualifier: 'atLeast', noun: 'people', event: 'killed' }]],
    ['more than 300 injured', [{ at: '1-14 more than 300', interval: [300, Number.POSITIVE_INFINITY], qualifier: 'atLeast', noun: 'people', event: 'injured' }]],
    [
      '9 people were killed in Lviv and three in Odesa',
      [
        { at: '1-2 9', interval: [9, 9], noun: 'people', event: 'killed', place: 'Lviv' },
        { at: '34-39 three', interval: [3, 3], noun: 'people', event: 'killed', place: 'Odesa' },
      ],
    ],
    [
      '45 million dollars, or 41 million euros',
      [
        { at: '1-19 45 million dollars', interval: [44500000, 45500000], unit: 'dollar' },
        { at: '24-40 41 million euros', interval: [40500000, 41500000], unit: 'euro' },
      ],
    ],
    ['a magnitude 7.1 earthquake', [{ at: '13-16 7.1', interval: [7.1, 7.1], unit: 'magnitude', noun: 'earthquake' }]],
    ['15 km deep', [{ at: '1-6 15 km', interval: [15, 15], unit: 'kilometre' }]],
    ['twenty-eight soldiers', [{ at: '1-13 twenty-eight', interval: [28, 28], noun: 'soldier' }]],
    ['a third of voters', [{ at: '1-8 a third', interval: [1 / 3, 1 / 3].map((v) => Number(v.toFixed(10))), noun: 'voter' }]],
    ['$45 million in aid', [{ at: '1-12 $45 million', interval: [44500000, 45500000], unit: 'dollar', noun: 'aid' }]],
    ['nearly 1500 troops', [{ at: '1-12 nearly 1500', interval: [1350, 1500], qualifier: 'below', noun: 'troop' }]],
    // The counted noun is the head noun by part of speech: not the verb or adjective after the number.
    ['three Russian brigades were destroyed', [{ at: '1-6 three', interval: [3, 3], noun: 'brigade' }]],
    [
      'Ministers said 40 trucks crossed and 12 returned',
      [
        { at: '16-18 40', interval: [40, 40], noun: 'truck' },
        // "and 12": a coordination close by leaves the noun out.
        { at: '38-40 12', interval: [12, 12], noun: 'truck' },
      ],
    ],
    ['a speed of 7.5 kilometres per second', [{ at: '12-26 7.5 kilometres', interval: [7.5, 7.5], unit: 'kilometre', noun: 'second' }]],
    [
      'Takaichi received 185 votes, while Koizumi, 44, garnered 156 votes.',
      [
        { at: '19-22 185', interval: [185, 185], noun: 'vote' },
        { at: '58-61 156', interval: [156, 156], noun: 'vote' },
      ],
    ],
    [
      'She won 149 Diet votes and 36 prefectural votes, for a total of 185.',
      [
        { at: '9-12 149', interval: [149, 149], noun: 'vote' },
        { at: '28-30 36', interval: [36, 36], noun: 'vote' },
      ],
    ],
  ])('%s', (text, expected) => {
    const found = figuresOf(text).map((figure) => ({ ...figure, interval: figure.interval.map((v) => (Number.isFinite(v) ? Number(v.toFixed(10)) : v)) }));
    expect(found).toEqual(expected);
  });

  it.each([
    ['years and dates', 'In 2014 and since 1945, on January 6 and 8 March, at 10:30.'],
    ['numbers inside names', 'The G7 met on Covid-19 and the F-16.'],
    ['a number with nothing counted', 'One of the most important issues, said one.'],
    ['durations, left to duration rules', 'It took three weeks and the almost four-year war.'],
  ])('no figure: %s', (_name, text) => {
    expect(figuresOf(text)).toEqual([]);
  });
});
