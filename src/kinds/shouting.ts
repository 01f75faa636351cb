/** `shouting`: ALL-CAPS words (not acronyms or codes) and runs of "!!", "?!". */
import type { Hit, RuleKind } from './kind.js';

const WORD = /[\p{L}\p{M}\p{N}_]+(?:['\u2019-][\p{L}\p{M}\p{N}_]+)*/gu;
const MARKS = /[!?]*(?:!!|\?!|!\?)[!?]*/g;
/**
 * A shouted word has two letters, none lower-case, with at most marks, an
 * apostrophe or a hyphen between them: paragraphs without such a pair (most)
 * skip the word-by-word check.
 */
const CAPS_PAIR = /[^\P{L}\p{Ll}][\p{M}'\u2019-]*[^\P{L}\p{Ll}]/u;
export const DEFAULT_ACRONYMS = ['FAQ', 'UPS', 'DHL', 'DPD', 'GLS', 'TNT', 'IBAN', 'EUR', 'USD', 'BTW', 'VAT', 'PDF', 'URL', 'API', 'SMS'];

/** Short words that are shouted, not acronyms, when written in capitals on their own ("this is NOT our fault"). */
const EMPHATIC_SHORT = new Set(['NOT', 'YOU', 'ALL', 'NOW', 'WHY', 'ANY', 'OUR', 'ARE', 'DID', 'CAN', 'WAS', 'HAS', 'NO', 'NEE', 'WEL', 'NOG', 'ECHT', 'ZEER']);
/** Between two words of one run of capitals: white space, a comma, a hyphen, an apostrophe; no sentence end. */
const RUN_GAP = /^[ \t\r\n,'\u2019-]+$/u;

interface Token {
  start: number;
  end: number;
  word: string;
  letters: number;
}

/** Is the run at [start, end) of `text` not prose shouting: a field label, a quoted label, template syntax, initials, a legend? */
function excused(text: string, start: number, end: number, tokens: Token[]): string | undefined {
  const before = text.slice(Math.max(0, start - 5), start);
  const after = text.slice(end, end + 5);
  // A label: a colon follows on the line with only capitals before it (E-MAILADRES: {email}, TOTAAL I.V.M. X:, REQUIRED:).
  // Not when a sentence in lower case follows the colon: "PLEASE READ THIS: your plan ends" is shouted.
  const colon = /^[^\n\p{Ll}]{0,40}?:(?![ \t]*\p{Ll})/u.exec(text.slice(end, end + 48));
  if (colon) return 'label';
  // One word of capitals opening a line, then a colon: a legend (REQUIRED: …, VERPLICHT: …, NB: …).
  if (tokens.length === 1 && /^:/.test(after) && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 40), start))) return 'legend';
  if (/["“”„'‘’«»]\s*$/.test(before) && /^\s*[.,!?]?["“”„'‘’«»]/.test(after)) return 'quoted'; // the "I STILL NEED HELP" button
  if (/(?:<!--|\{|%|#|\$)\s*$/.test(before) || /^\s*(?:-->|\}|#)/.test(after)) return 'template'; // <!-- ENDIF -->, (CODE #{code})
  if (tokens.length === 1 && tokens[0].letters <= 4 && /[\^*~\/]$/.test(before)) return 'initials'; // ^JDG, *TMT
  // A legend between rules: ---- KNIP HIER ----
  // The rest of the line, looked for within 200 characters (a legend or heading line is short; a long line is neither).
  const before200 = text.slice(Math.max(0, start - 200), start);
  const after200 = text.slice(end, end + 200);
  const nlBefore = before200.lastIndexOf('\n');
  const nlAfter = after200.indexOf('\n');
  const lineKnown = (nlBefore >= 0 || start <= 200) && (nlAfter >= 0 || end + 200 >= text.length);
  const rest = lineKnown ? before200.slice(nlBefore + 1) + (nlAfter >= 0 ? after200.slice(0, nlAfter) : after200) : 'x';
  if (!/\p{L}/u.test(rest) && /([-=*_~#])\1\1/.test(rest)) return 'legend';
  // A column or table heading: up to three words of capitals alone on their line (STUKPRIJS, TOTAAL BETAALD).
  if (tokens.length <= 3 && !/[\p{L}\p{N}]/u.test(rest) && !/[!?]/.test(rest)) return 'heading';
  return undefined;
}

export const shouting: RuleKind = {
  name: 'shouting',
  schema: {
    properties: {
      acronyms: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'ALL-CAPS words that are not shouting' },
      minLength: { type: 'integer', minimum: 2, description: 'shortest ALL-CAPS word that counts on its own (default 4; shorter ones are taken for acronyms and initials unless they are words such as NOT)' },
    },
  },
  phraseKeys: [],
  options: { acronyms: 'append', minLength: 'replace' },
  create(rule) {
    const acronyms = new Set(((rule.options.acronyms as string[] | undefined) ?? DEFAULT_ACRONYMS).map((a) => a.toUpperCase()));
    const minLength = (rule.options.minLength as number | undefined) ?? 4;
    /** A word that is shouted even on its own. */
    const loud = (t: Token) =>
      !t.word.split(/['\u2019-]/).every((part) => acronyms.has(part)) && (t.letters >= minLength || EMPHATIC_SHORT.has(t.word));
    const known = (t: Token) => t.word.split(/['\u2019-]/).every((part) => acronyms.has(part));
    return ({ prose }) => {
      const hits: Hit[] = [];
      prose.segments.forEach((seg, segment) => {
        if (CAPS_PAIR.test(seg.text)) {
          // Words in capitals, grouped into runs: a run of capital words is one problem, not one per word.
          const runs: Token[][] = [];
          let run: Token[] = [];
          let last = -1;
          for (const m of seg.text.matchAll(WORD)) {
            const word = m[0];
            const caps = !/[\p{N}_]/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
            const letters = caps ? (word.match(/\p{L}/gu)?.length ?? 0) : 0;
            if (!caps || letters < 1) {
              if (run.length) runs.push(run);
              run = [];
              continue;
            }
            const token = { start: m.index, end: m.index + word.length, word, letters };
            if (run.length && !RUN_GAP.test(seg.text.slice(last, m.index))) {
              runs.push(run);
              run = [];
            }
            run.push(token);
            last = token.end;
          }
          if (run.length) runs.push(run);
          // A paragraph of 20 words or more set in capitals is a legal notice or a form (a disclaimer, a consent
          // form to print and sign), written so by convention, not a raised voice.
          const capsWords = runs.reduce((n, r) => n + r.length, 0);
          if (capsWords >= 20 && capsWords >= 0.8 * (seg.text.match(WORD)?.length ?? 0)) runs.length = 0;
          for (const r of runs) {
            // Shouting: a word shouted on its own, or two or more capital words that are not known acronyms.
            const unknown = r.filter((t) => !known(t));
            if (!r.some(loud) && unknown.length < 2) continue;
            // Trim known acronyms off the ends ("CALL UPS" is one shouted word).
            let [from, to] = [0, r.length - 1];
            while (from < to && known(r[from])) from++;
            while (to > from && known(r[to])) to--;
            const start = r[from].start;
            const end = r[to].end;
            if (excused(seg.text, start, end, r.slice(from, to + 1))) continue;
            hits.push({ segment, start, end });
          }
        }
        for (const m of seg.text.matchAll(MARKS)) hits.push({ segment, start: m.index, end: m.index + m[0].length });
      });
      return hits.sort((a, b) => a.segment - b.segment || a.start - b.start);
    };
  },
};
