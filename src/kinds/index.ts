/** The rule kinds. Adding a kind: write src/kinds/<name>.ts exporting a RuleKind (core/plugin.ts), and list it here. */
import type { RuleKind } from './kind.js';
import { limit } from './limit.js';
import { phrase } from './phrase.js';
import { require } from './require.js';
import { shouting } from './shouting.js';

export const KINDS: ReadonlyMap<string, RuleKind> = new Map([phrase, require, limit, shouting].map((k) => [k.name, k]));
export type { RuleKind } from './kind.js';
