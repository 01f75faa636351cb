/** Loading rule folders from disk (the bundled `rules/` and a team's own). */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { primePhraseSources, type SavedList } from '../core/phrase.js';
import { RulebookError } from '../rulebook/errors.js';
import { checkUniqueIds, parseRuleFile } from '../rulebook/load.js';
import { MAX_YAML_SIZE } from '../rulebook/yaml.js';
import type { RuleDefinition } from '../core/types.js';

/** The rules that ship with replylint. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** The same, validated and compiled by the build (scripts/build-rules.mjs). */
export const BUNDLED_JSON = fileURLToPath(new URL('../rules.json', import.meta.url));

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/**
 * Names and contents (a digest) of a folder's rule files: has it changed since the build? Not their
 * modification times: `npm pack` sets every file's to 1985, so an installed package never matched
 * and read and compiled the YAML files at every start (about 1 s for one small file). Reading the
 * half megabyte of rules/ takes about 2 ms.
 */
export function fingerprint(dir: string): string {
  const hash = createHash('sha1');
  for (const f of ruleFiles(dir)) hash.update(`${f}\u0000`).update(readFileSync(join(dir, f))).update('\u0000');
  return hash.digest('hex');
}

/**
 * Read a rule or config file, refusing what is not one: a folder, a device
 * (`/dev/zero` reads forever), a FIFO (opened without blocking), a socket, and
 * anything over MAX_YAML_SIZE (at most that much is ever read, whatever the
 * file claims its size is). Errors name the file as `shown`.
 */
export function readYamlFile(path: string, shown: string, what: 'config' | 'rule file'): string {
  const fail = (reason: string): never => {
    throw new RulebookError(shown, 1, 1, reason);
  };
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) fail(`is a folder, not a ${what}`);
    if (!st.isFile()) fail(`not a regular file (a device, FIFO or socket), so not read as a ${what}`);
    const tooLarge = (size: number) => fail(`too large (${size > MAX_YAML_SIZE ? `${(size / 1048576).toFixed(1)} MB` : 'over 1 MB'}): rule and config files are at most ${MAX_YAML_SIZE / 1048576} MB`);
    if (st.size > MAX_YAML_SIZE) tooLarge(st.size);
    const buf = Buffer.alloc(MAX_YAML_SIZE + 1);
    let read = 0;
    for (let n: number; read < buf.length && (n = readSync(fd, buf, read, buf.length - read, null)) > 0; ) read += n;
    if (read > MAX_YAML_SIZE) tooLarge(0); // it grew, or a special file under /proc claimed a size of 0
    return buf.toString('utf8', 0, read);
  } catch (e) {
    if (e instanceof RulebookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'too many levels of symbolic links' : code === 'EISDIR' ? `is a folder, not a ${what}` : (e as Error).message;
    return fail(`cannot read the ${what}: ${reason}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function loadRuleDir(dir: string, cwd = process.cwd()): RuleDefinition[] {
  const rules = ruleFiles(dir).map((f) => {
    const path = join(dir, f);
    const shown = relative(cwd, path) || path;
    const name = shown.startsWith('..') ? path : shown;
    return parseRuleFile(readYamlFile(path, name, 'rule file'), name);
  });
  checkUniqueIds(rules);
  return rules;
}

/** replylint's own rule definitions, ready for compileRulebook: from the build's JSON when it matches rules/, else from the YAML files. */
export function loadBundledRules(cwd = process.cwd()): RuleDefinition[] {
  try {
    const built = JSON.parse(readFileSync(BUNDLED_JSON, 'utf8')) as { fingerprint: string; rules: RuleDefinition[]; sources: [string, SavedList][] };
    if (built.fingerprint === fingerprint(BUNDLED_RULES_DIR)) {
      primePhraseSources(built.sources);
      return built.rules;
    }
  } catch {
    // no build output: read the YAML
  }
  return loadRuleDir(BUNDLED_RULES_DIR, cwd);
}
