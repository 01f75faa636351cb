/** `lowercase`: an ALL-CAPS word to normal case (capitalised at a sentence start); "!!", "?!" to one mark. */
import { atSentenceStart, type FixType } from './fix.js';

export const lowercase: FixType = {
  name: 'lowercase',
  fix({ text, start, end }) {
    const matched = text.slice(start, end);
    if (/^[!?]+$/.test(matched)) return { range: [start, end], text: matched.includes('?') ? '?' : '!' };
    // Short capitals next to the word go along ("LET OP" -> "Let op"): they were never flagged on their own.
    let to = end;
    for (let m; (m = /^ (\p{Lu}{1,2})(?![\p{L}\p{N}])/u.exec(text.slice(to))); ) to += m[0].length;
    const run = text.slice(start, to);
    const lower = run.toLowerCase();
    if (lower.length !== run.length) return undefined;
    const cased = atSentenceStart(text, start) ? lower[0].toUpperCase() + lower.slice(1) : lower;
    return { range: [start, to], text: cased };
  },
};
