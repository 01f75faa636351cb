/** `replylint init`: a commented starter .replylintrc.yaml. */
import { existsSync, writeFileSync } from 'node:fs';
import { EXIT, UsageError, type Io } from '../io.js';

export const STARTER = `# replylint configuration: see "Configuration" in replylint's README.
# Editors that understand JSON Schema can check this file:
# yaml-language-server: $schema=./node_modules/replylint/schema/config.schema.json

# The recommended rules; add folders of your own rules (same format as replylint's rules/).
extends:
  - replylint:recommended
  # - ./replylint-rules

# Language of replies whose front matter has no lang: (otherwise it is detected).
# language: nl

rules:
  # Turn a rule off, or change its severity (off, info, warning, error):
  # require-thanks: off
  # Add your own words to a rule, e.g. your couriers:
  # no-supplier-blame: [error, {words: {partner: [Sendcloud, Budbee]}}]
  # no-shouting: [warning, {acronyms: [KPN, ING]}]

# Different rules for some files (globs relative to this file):
# overrides:
#   - files: ["macros/how-to/**"]
#     rules:
#       require-apology: off

# Files not to lint:
# ignorePatterns: ["drafts/**"]

# More template syntax to skip (regular expressions), besides {{ }}, {% %} and %{ }:
# placeholders: ['\\[\\[[^\\]]+\\]\\]']

# Quoted text (blockquotes) is the customer's, so it is skipped; lint it too with:
# blockquotes: lint
`;

export function runInit(io: Io): number {
  const file = '.replylintrc.yaml';
  if (existsSync(file)) throw new UsageError(`${file} already exists; not overwriting it`);
  writeFileSync(file, STARTER, { flag: 'wx' });
  io.stdout(`Wrote ${file}. Try: replylint rules\n`);
  return EXIT.ok;
}
