import { figure } from '../../src/kinds/figure.js';
import { testKind } from '../support/kinds.js';

testKind(figure, { id: 'figures', severity: 'error', description: 'Figures agree.' }, {
  valid: [
    ['about 600,000 vs hundreds of thousands', { 'a.txt': 'About 600,000 households in the region remained cut off from power.', 'b.txt': 'Hundreds of thousands of households in the region remained cut off from power.' }],
    ['more than 300 vs over 300', { 'a.txt': 'More than 300 people were injured in the quake in Izmir.', 'b.txt': 'Over 300 people were injured in the quake in Izmir.' }],
    ['a currency conversion', { 'a.txt': 'The fund gave 45 million dollars, or 41 million euros, in aid to farmers.', 'b.txt': 'The fund gave 41 million euros in aid to farmers.' }],
    ['different places', { 'a.txt': '9 people were killed in Lviv by the strike overnight.', 'b.txt': '11 people were killed in Odesa by the strike overnight.' }],
    ['different events', { 'a.txt': '9 people were killed in the strike on the city of Lviv.', 'b.txt': '11 people were injured in the strike on the city of Lviv.' }],
    ['the same figure', { 'a.txt': 'An initial 28-point plan was criticised by Kyiv and Europe.', 'b.txt': 'An initial 28-point plan was criticised by Kyiv.' }],
    ['a rounded amount', { 'a.txt': 'The couple paid $44 million in federal taxes last year.', 'b.txt': 'The couple paid $43,885,310 in federal taxes last year.' }],
    ['bare amounts whose subject is unclear', { 'a.txt': 'Obama has cut $716 billion from Medicare, the ad says.', 'b.txt': 'The plan would cut Medicare by $800 billion, the ad says.' }],
  ],
  invalid: [
    {
      name: 'counts of the same thing that cannot both hold',
      files: {
        'a.txt': 'Officials said 9 people were killed in Lviv overnight by the missile strike.',
        'b.txt': 'Officials said 11 people were killed in Lviv overnight by the missile strike.',
      },
      findings: [
        {
          type: 'conflict',
          severity: 'error',
          message: 'Figures disagree on people killed in Lviv: "11" here, "9" in a.txt',
          spans: ['b.txt:1:16-1:18 11', 'a.txt:1:16-1:17 9'],
          data: { type: 'conflict', interval: [11, 11], otherInterval: [9, 9], what: 'people killed in Lviv' },
        },
      ],
    },
    {
      name: 'expected: figures of a noun that miss the expected value',
      files: { 'a.txt': 'The plan has 28 points and 20 clauses.', 'b.txt': 'A 20-point plan.' },
      options: { noun: 'point', expected: 28, requireNoun: false },
      findings: [{ type: 'expected', severity: 'error', message: '"20-point" (plan): expected 28', spans: ['b.txt:1:3-1:11 20-point'] }],
    },
  ],
});
