/**
 * What text is made of, defined once: the byte-order mark, a word, and the
 * forms text is matched in (reader form, case folding). The phrase compiler,
 * the prose reader, the matcher and the engine all take these from here.
 */

/** The byte-order mark: not part of the reply; positions are counted without it. */
export const BOM = '\uFEFF';

/** The text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Letters (Latin with all its accents and ligatures, Greek, Cyrillic), combining
 * marks and digits: what a word is made of. Written as ranges, not \\p{L}: a
 * Unicode property class costs about a millisecond to compile in every regular
 * expression, which would dominate a run on one file.
 */
export const LETTER = 'a-zA-Z0-9\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u036F\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1FFF';
export const WORD = `[${LETTER}_]`;
/** A word of the text, as the phrase expressions see words: a run of WORD characters (see FirstWords in phrase.ts). */
export const WORD_SOURCE = `${WORD}+`;

/** WORD's UTF-16 code units, as a table (all are below U+2000): made from WORD itself, once. */
let wordTable: Uint8Array | undefined;
function makeWordTable(): Uint8Array {
  const table = new Uint8Array(0x2000);
  const word = new RegExp(`^${WORD}$`);
  for (let c = 0; c < table.length; c++) table[c] = word.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/**
 * The words of a text (maximal runs of WORD characters), left to right: `visit(word, start)`. What
 * `new RegExp(WORD_SOURCE, 'g')` finds, without an exec and a match array per word.
 */
export function eachWord(text: string, visit: (word: string, start: number) => void): void {
  const table = (wordTable ??= makeWordTable());
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2000 || !table[c]) continue;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d >= 0x2000 || !table[d]) break;
    }
    visit(text.slice(i, j), i);
    i = j;
  }
}

/**
 * Case folding that keeps every UTF-16 offset: each character is lower-cased
 * only when that does not change its length (\u0130 stays as it is). Phrases are
 * matched against folded text, without the `i` flag: Unicode case-insensitive
 * character classes are slow to compile and to run.
 */
export function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/**
 * Characters nobody sees: zero-width spaces and joiners, soft hyphens, bidi
 * controls, variation selectors (Unicode's default-ignorable code points).
 * Dropped for matching, so "web\u200Bsite" is "website".
 */
export const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const IGNORABLES = /\p{Default_Ignorable_Code_Point}/gu;

/** Text as a reader sees it, for matching: NFKC (composed accents, full-width letters as letters), invisible characters dropped. */
export function readerForm(text: string): string {
  return text.normalize('NFKC').replace(IGNORABLES, '');
}

export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}
