/**
 * What the core needs to know about a language. The core names no language:
 * a rulebook is compiled with a list of them (Registries.languages in
 * engine.ts); replylint's own are src/lang/en.ts and src/lang/nl.ts, listed
 * in src/lang/index.ts. Adding one is adding a module there.
 */
import type { Register } from './register.js';

/** A situation cue of one language: its name ("failure") and the word starts it looks for, as a regular-expression source ("broke|crash|fail"). */
export interface CueWords {
  name: string;
  /** Alternatives matched case-insensitively at word starts (flags `iu`); `\\b` ends a whole word. */
  words: string;
}

/**
 * Words that tell the situation of a reply (see core/situation.ts). Every
 * list of every language is read, whatever the reply's language: a Dutch
 * customer may get an English macro. A cue is reported as `<code>: <name>`.
 */
export interface SituationCues {
  /** In the customer's quoted message: something failed, is late, missing, wrong, charged. */
  problem: CueWords[];
  /** In the customer's quoted message: anger, frustration, sarcasm. */
  feelings: CueWords[];
  /** Praise and thanks: a happy customer (alternatives, as in CueWords.words). */
  positive: string;
  /** In the reply: regret, a delay, a refund, something missing or broken. */
  regret: CueWords[];
  /** In the reply: turning something down ("not possible"). */
  refusal: CueWords[];
  /** In the reply: automated and transactional wordings. */
  notice: CueWords[];
  /** In the reply: first person, asking the customer something (a reply to one person). */
  personal: CueWords[];
  /** Greetings that open a reply to someone by name ("hi", "dear"), matched case-insensitively. */
  nameGreetings: string;
  /** Titles between the greeting and the name ("mr", "mevrouw"), matched as written (list capitalised forms too). */
  titles: string;
  /** What follows a greeting and is not a name ("Customer", "Klant"), as written. */
  notNames: string;
  /** Issue-tracker wordings: a reply to a contact, never a notice. */
  triage?: string;
}

export interface Language {
  /** Two-letter ISO 639-1 code: front matter `lang:`, `--lang`, config `language:`, the keys of a rule's texts. */
  code: string;
  /** Its name in the language itself ("Nederlands"). */
  name: string;
  /** Its name in English ("Dutch"), for docs and messages. */
  englishName: string;
  /** "Instead" in the language: the label of a rule's suggestion in docs/rules.md. */
  instead: string;
  /** Language detection (core/language.ts). */
  detector: {
    /** Frequent function words of this language that the others lack: a point each. */
    words: readonly string[];
    /** Letter groups frequent in this language and rare in the others: half a point for a word in no list that has one. */
    letters?: RegExp;
  };
  /** The words a greeting line opens with ("hi|dear|good (?:morning|afternoon)"), a regular-expression source; used by fixes. */
  greetings: string;
  /**
   * Lines that introduce quoted history in e-mail ("On Mon, Sam wrote:",
   * "-- Forwarded message --"): regular-expression sources, each matched
   * case-insensitively against a whole line (white space around allowed).
   */
  attribution: readonly string[];
  /**
   * The finite verb comes second in a main clause (Dutch, German): dropping
   * an opening clause or word would put it first, so the `remove` fix drops
   * one at a sentence start only before a colon.
   */
  verbSecond: boolean;
  /** The `remove` fix may drop a phrase of one word with no punctuation around it (an English adverb: "Obviously the refund…"). */
  dropsLoneWords: boolean;
  /** Formal or informal address, from a reply's prose (quotes normalised to '); see core/register.ts. */
  register(text: string): Register;
  situation: SituationCues;
}

/** The languages a rulebook knows, by code. */
export type Languages = ReadonlyMap<string, Language>;
