/** The fix types. Adding one: write src/fixes/<name>.ts exporting a FixType, and list it here. */
import type { FixType } from './fix.js';
import { insertSentence } from './insert-sentence.js';
import { lowercase } from './lowercase.js';
import { remove } from './remove.js';

export const FIXES: ReadonlyMap<string, FixType> = new Map([remove, lowercase, insertSentence].map((f) => [f.name, f]));
