/** Shared by the rule kinds: the phrase keys most kinds have. The RuleKind interface is the core's (core/plugin.ts). */
export type { Check, CheckContext, Hit, OptionMerge, RuleKind } from '../core/plugin.js';

const PHRASES = { $ref: '#/definitions/phrases' };
const WORDS = { $ref: '#/definitions/words' };
export const PHRASE_PROPERTIES = { patterns: PHRASES, exceptions: PHRASES, words: WORDS };
