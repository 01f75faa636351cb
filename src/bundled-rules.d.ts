/**
 * `#bundled-rules` (package.json "imports"): dist/rules.json, which the build
 * (scripts/build-rules.mjs) writes: replylint's own rules, validated, and their
 * phrase lists compiled. The bundles of src/browser.ts and src/remark.ts carry
 * it inline; run from source (tests), it is read from dist/, so needs a build.
 */
import type { SavedList } from './core/phrase.js';
import type { RuleDefinition } from './core/types.js';

declare const built: {
  /** Names, sizes and times of rules/*.yaml when it was built. */
  fingerprint: string;
  rules: RuleDefinition[];
  sources: [string, SavedList][];
};
export default built;
