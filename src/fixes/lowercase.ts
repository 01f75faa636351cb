/** `lowercase`: a run of ALL-CAPS words to sentence case (capitalised at a sentence start, "I" kept); "!!", "?!" to one mark. */
import { atSentenceStart, type FixType } from './fix.js';

export const lowercase: FixType = {
  name: 'lowercase',
  fix({ text, start, end }) {
    const matched = text.slice(start, end);
    if (/^[!?]+$/.test(matched)) return { range: [start, end], text: matched.includes('?') ? '?' : '!' };
    const lower = matched.toLowerCase();
    if (lower.length !== matched.length) return undefined;
    // English "I" stays a capital ("I", "I'M" -> "I'm").
    let cased = lower.replace(/(?<![\p{L}\p{N}])i(?=$|[\s,'\u2019])/gu, 'I');
    if (atSentenceStart(text, start)) cased = cased[0].toUpperCase() + cased.slice(1);
    return { range: [start, end], text: cased };
  },
};
