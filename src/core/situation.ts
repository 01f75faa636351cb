/**
 * The situation of a reply: a complaint, a question, or a notice.
 *
 * Whole-reply rules only make sense in some situations: an apology is owed to
 * a customer with a problem, not to one who asked for opening hours, and an
 * order confirmation thanks nobody for getting in touch. The situation comes,
 * in this order, from:
 *   1. a declaration: front matter `situation:`, or the config (`situation:`,
 *      also per `overrides` glob);
 *   2. the customer's message, when the draft quotes it (Markdown blockquotes,
 *      `>` lines, or the history after an attribution line in plain text):
 *      never linted, but read for context;
 *   3. the reply's own words: an apology or regret, a delay, a refund,
 *      something missing or broken (a complaint); an automated or
 *      transactional wording (a notice).
 * A text with no sign that it answers someone (no quoted message, no greeting
 * by name, no first person, nothing asked of the reader) is read as a notice:
 * precision first, so whole-reply rules stay quiet on it.
 *
 * Besides the situation, the verdict carries `upset`: the customer's own words
 * show anger or frustration (or the situation was declared a complaint).
 * Acknowledging feelings is owed where there are feelings to acknowledge.
 * And `refusal`: the reply turns something down ("not possible", "kan
 * helaas niet"), which leaves the customer at a dead end unless a next step
 * follows, whatever they asked.
 *
 * Pure: text in, verdict out. The cue words are the languages' own
 * (Language.situation, core/lang.ts); every language's are read at once (a
 * Dutch customer may get an English macro and the other way round).
 */
import type { CueWords, Languages } from './lang.js';

export type Situation = 'complaint' | 'question' | 'notice';
export const SITUATIONS: readonly Situation[] = ['complaint', 'question', 'notice'];

export type SituationSource = 'front-matter' | 'option' | 'context' | 'reply' | 'default';

export interface SituationVerdict {
  situation: Situation;
  /** The customer is upset (their own words say so, or the situation was declared a complaint). */
  upset: boolean;
  /** The reply turns something down or says it cannot be done: a dead end unless it offers a way on. */
  refusal: boolean;
  /** What decided it. */
  source: SituationSource;
  /** The cues found, for `--debug` and JSON: `complaint: "refund"`, `notice: "your order"`, ... */
  cues: string[];
}

/** What a whole-reply rule can require of the situation (`applies:` in its file). */
export type Applies = Situation | 'upset' | 'refusal';
export const APPLIES: readonly Applies[] = [...SITUATIONS, 'upset', 'refusal'];

export function applies(verdict: SituationVerdict, when: readonly Applies[] | undefined): boolean {
  if (!when || when.length === 0) return true;
  return when.some((w) =>
    w === 'upset' ? verdict.upset && verdict.situation === 'complaint' : w === 'refusal' ? verdict.refusal && verdict.situation !== 'notice' : w === verdict.situation,
  );
}

export interface Cue {
  name: string;
  re: RegExp;
}

const cue = (name: string, source: string, flags = 'iu'): Cue => ({ name, re: new RegExp(source, flags) });
/** A word start: letters never run on from before. */
const B = '(?<![\\p{L}\\p{N}])';

const stems = (list: string) => `${B}(?:${list})`;

/** Shouting, in the customer's words: "!!", "?!", angry emoji. */
const SHOUTING: Cue[] = [
  cue('shouting', '(?:!!|\\?\\?|\\?!|!\\?)', 'u'),
  cue('angry emoji', '[\\u{1F620}\\u{1F621}\\u{1F92C}\\u{1F624}\\u{1F612}\\u{1F44E}\\u{1F62D}\\u{1F62B}\\u{1F629}\\u{1F644}\\u{1F611}\\u{1F610}\\u{1F615}\\u{1F61E}\\u{1F61F}\\u{1F620}\\u{1F62A}\\u{1F622}\\u{1F625}\\u{1F92F}\\u{1F479}\\u{1F480}\\u{1F4A9}]', 'u'),
];

/** Two or more words of three or more capitals in a row, in the customer's words: shouting. */
const CAPS_RUN = /(?<![\p{L}\p{N}@#])\p{Lu}{3,}(?:[\s,]+\p{Lu}{2,}){1,}(?![\p{L}\p{N}])/u;

/** Happy emoji: a customer who is happy with you, in any language. */
const HAPPY_EMOJI = '[\\u{1F60D}\\u{1F603}\\u{1F604}\\u{1F601}\\u{1F60A}\\u{1F389}\\u{2764}\\u{1F44D}\\u{1F64C}\\u{1F44F}\\u{1F973}\\u{1F618}\\u{1F917}]';

/** The cues of a rulebook's languages, compiled once per list of languages. */
interface Cues {
  /**
   * The customer has a problem: something failed, is late, missing, wrong,
   * charged, cancelled; or they say they are unhappy. Read in the customer's
   * quoted message.
   */
  problem: Cue[];
  /** The customer is upset, not merely reporting: anger, sarcasm (shouting and repeated failure: SHOUTING, CAPS_RUN). */
  feelings: Cue[];
  /** Praise, thanks, fun: a customer who is happy with you, whatever else they say. */
  positive: Cue;
  /** The reply's own words that only a problem explains: regret, a delay, a refund, something missing or broken. */
  regret: Cue[];
  /** The reply turns something down: "not possible", "not supported", "only available in", "kan helaas niet". */
  refusal: Cue[];
  /** Wordings of automated and transactional messages: confirmations, status changes, accounts, tickets. */
  notice: Cue[];
  /** A reply to one person's own contact: a greeting by name, a first-person answer. Weighs against a notice. */
  personal: Cue[];
  /** GitHub-style triage and maintainers' replies: a reply to a contact, never a notice. */
  triage?: Cue;
}

const compiled = new WeakMap<Languages, Cues>();

function cuesOf(languages: Languages): Cues {
  let cues = compiled.get(languages);
  if (cues) return cues;
  const all = [...languages.values()];
  const each = (key: 'problem' | 'feelings' | 'regret' | 'refusal' | 'notice' | 'personal') =>
    all.flatMap((l) => l.situation[key].map((c: CueWords) => cue(`${l.code}: ${c.name}`, stems(c.words))));
  const words = (key: 'nameGreetings' | 'titles' | 'notNames' | 'triage') => all.map((l) => l.situation[key]).filter((w): w is string => !!w);
  const greetings = words('nameGreetings').join('|');
  const titles = words('titles').join('|');
  // Case-insensitive greeting, then a name with a capital (so the expression itself is case-sensitive).
  const byName = greetings
    ? [cue('greeting by name', `^\\s*(?:${greetings.replace(/\b(\w)/g, (c) => `[${c}${c.toUpperCase()}]`)})[,!]?\\s+${titles ? `(?:(?:${titles})\\.?\\s+)?` : ''}(?!${[...words('notNames'), '\\{|%|\\[|<'].join('|')})\\p{Lu}`, 'u')]
    : [];
  const triage = words('triage');
  cues = {
    problem: each('problem'),
    feelings: each('feelings'),
    positive: cue('positive', stems([...all.map((l) => l.situation.positive).filter(Boolean), HAPPY_EMOJI].join('|'))),
    regret: each('regret'),
    refusal: each('refusal'),
    notice: each('notice'),
    personal: [...byName, ...each('personal')],
    ...(triage.length ? { triage: cue('triage', stems(triage.join('|'))) } : {}),
  };
  compiled.set(languages, cues);
  return cues;
}

/**
 * A list's word-start cues, read in one pass: `any` finds each place where
 * one of them matches (the union of their alternatives, after the same word
 * start), and there each cue not found yet is tried on its own, sticky. Each
 * cue's first match is then what its own expression finds first: the first
 * place where it matches is a place `any` stops at. One pass instead of one
 * per cue (a reply is read once per list, not four or five times).
 */
interface OnePass {
  any: RegExp;
  /** Index in the list -> its sticky expression, for the cues `any` covers. */
  sticky: Map<number, RegExp>;
}
const onePass = new WeakMap<Cue[], OnePass | null>();

function onePassOf(cues: Cue[]): OnePass | null {
  let pass = onePass.get(cues);
  if (pass !== undefined) return pass;
  const sticky = new Map<number, RegExp>();
  cues.forEach((c, i) => {
    if (c.re.flags === 'iu' && c.re.source.startsWith(B)) sticky.set(i, new RegExp(c.re.source, 'iuy'));
  });
  pass = sticky.size < 2 ? null : { any: new RegExp(`${B}(?:${[...sticky.keys()].map((i) => cues[i].re.source.slice(B.length)).join('|')})`, 'giu'), sticky };
  onePass.set(cues, pass);
  return pass;
}

/** @internal Exported for its test: each cue's first match, as `${prefix}${name}: "match"`, in the list's order. */
export function found(cues: Cue[], text: string, prefix: string): string[] {
  const matches: (string | undefined)[] = new Array(cues.length);
  const pass = onePassOf(cues);
  if (pass) {
    let left = pass.sticky.size;
    pass.any.lastIndex = 0;
    for (let m: RegExpExecArray | null; left && (m = pass.any.exec(text)); ) {
      const at = m.index;
      for (const [i, re] of pass.sticky) {
        if (matches[i] !== undefined) continue;
        re.lastIndex = at;
        const own = re.exec(text);
        if (own) {
          matches[i] = own[0];
          left--;
        }
      }
      pass.any.lastIndex = at + 1;
    }
  }
  cues.forEach((c, i) => {
    if (!pass?.sticky.has(i)) matches[i] = c.re.exec(text)?.[0];
  });
  const out: string[] = [];
  cues.forEach((c, i) => {
    if (matches[i] !== undefined) out.push(`${prefix}${c.name}: "${matches[i]!.trim()}"`);
  });
  return out;
}

export interface SituationInput {
  /** The reply's prose (what is linted). */
  reply: string;
  /** The customer's quoted words, if the draft quotes them. */
  context: string;
  /** The reply holds template placeholders (`{{name}}`, `%{ticket.id}`): a template, often a notice. */
  template?: boolean;
  /** Declared: front matter wins over the option (config, --situation). */
  frontMatter?: Situation;
  option?: Situation;
  /** The rulebook's languages: their cue words are read (all of them, whatever the reply's language). */
  languages: Languages;
}

/** Upper bound on the text read for cues: a few kilobytes decide the situation of any reply. */
const MAX_READ = 20_000;

export function detectSituation(input: SituationInput): SituationVerdict {
  const cues = cuesOf(input.languages);
  const verdict = classify(input, cues);
  const refusal = found(cues.refusal, input.reply.slice(0, MAX_READ), 'reply ');
  return { ...verdict, refusal: refusal.length > 0, cues: [...verdict.cues, ...refusal] };
}

function classify(input: SituationInput, cues: Cues): Omit<SituationVerdict, 'refusal'> {
  const declared = input.frontMatter ?? input.option;
  if (declared) {
    return { situation: declared, upset: declared === 'complaint', source: input.frontMatter ? 'front-matter' : 'option', cues: [] };
  }
  const context = input.context.slice(0, MAX_READ).trim();
  const reply = input.reply.slice(0, MAX_READ);
  if (context) {
    const problem = found(cues.problem, context, 'customer ');
    const feelings = found(cues.feelings, context, 'customer ');
    const shouting = found(SHOUTING, context, 'customer ');
    const caps = CAPS_RUN.exec(context);
    if (caps) shouting.push(`customer shouting: "${caps[0]}"`);
    const positive = cues.positive.re.exec(context);
    // The reply itself may show what the quote does not (a regret, a delay).
    const replyCues = found(cues.regret, reply, 'reply ');
    const against = problem.length + feelings.length;
    if (positive && against <= 1 && !replyCues.length) {
      return { situation: 'question', upset: false, source: 'context', cues: [`customer positive: "${positive[0]}"`, ...problem, ...feelings] };
    }
    if (against || replyCues.length) {
      const upset = feelings.length > 0 || (shouting.length > 0 && problem.length > 0);
      return { situation: 'complaint', upset, source: 'context', cues: [...problem, ...feelings, ...(upset ? shouting : []), ...replyCues] };
    }
    return { situation: 'question', upset: false, source: 'context', cues: ['customer wrote, with no sign of a problem'] };
  }
  const notice = found(cues.notice, reply, 'reply ');
  if (input.template) notice.push('reply template placeholders');
  const personal = found(cues.personal, reply, 'reply ');
  const triage = cues.triage?.re.exec(reply);
  // An issue tracker's reply answers someone; an automated wording (a ticket's auto-reply) still makes it a notice.
  const worded = notice.length - (input.template ? 1 : 0);
  if (triage && worded === 0) return { situation: 'question', upset: false, source: 'reply', cues: [`reply triage: "${triage[0]}"`] };
  if (notice.length > personal.length) return { situation: 'notice', upset: false, source: 'reply', cues: notice };
  const complaint = found(cues.regret, reply, 'reply ');
  if (complaint.length) return { situation: 'complaint', upset: false, source: 'reply', cues: complaint };
  if (personal.length) return { situation: 'question', upset: false, source: 'reply', cues: personal };
  // No quoted message, no greeting by name, no first person, nothing asked of anyone: a message to no one in particular.
  return { situation: 'notice', upset: false, source: 'default', cues: [] };
}

/** `>` lines, and in plain text everything after an attribution line: the customer's words. */
export function quotedContext(text: string, attribution: RegExp, plainText: boolean): string {
  const out: string[] = [];
  let history = false;
  let inFence = false;
  let n = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (++n > 5000) break;
    if (!plainText && /^\s{0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (plainText && !history && attribution.test(line)) {
      history = true;
      continue;
    }
    const q = /^\s{0,3}>+\s?(.*)$/.exec(line);
    if (q) out.push(q[1]);
    else if (history) out.push(line);
  }
  return out.join('\n');
}
