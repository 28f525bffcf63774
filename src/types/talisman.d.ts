// talisman ships CommonJS without types; these are the two functions crosscheck uses.
declare module 'talisman/metrics/damerau-levenshtein.js' {
  const damerauLevenshtein: (a: string, b: string) => number;
  export default damerauLevenshtein;
}
declare module 'talisman/phonetics/double-metaphone.js' {
  const doubleMetaphone: (word: string) => [string, string];
  export default doubleMetaphone;
}
