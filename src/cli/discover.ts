/**
 * Configuration around the core: finding .replylintrc.yaml files from each
 * linted file's folder upwards, following `extends`, merging nearest over
 * parents, and turning the result into a compiled rulebook per file.
 */
import { existsSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { compileRulebook, type Rulebook } from '../core/engine.js';
import { DEFAULTS } from '../defaults.js';
import type { RuleDefinition } from '../core/types.js';
import { parseConfigFile, type ConfigFile } from '../rulebook/config.js';
import { RulebookError } from '../rulebook/errors.js';
import { mergeConfigs, RECOMMENDED, type Settings } from '../rulebook/resolve.js';
import { loadBundledRules, loadRuleDir, readYamlFile } from './rules.js';

// A team's placeholder patterns run on V8's linear-time regular-expression engine (the `l` flag):
// no pattern in a committed config can make a scan backtrack (see core/prose.ts). Process-wide,
// set before any config is read (worker threads load this module too).
setFlagsFromString('--enable-experimental-regexp-engine');

export const CONFIG_NAMES = ['.replylintrc.yaml', '.replylintrc.yml'];
/** `extends` chains deeper than this are refused (a 2,000-deep chain overflowed the stack). */
export const MAX_EXTENDS_DEPTH = 32;

/** A config file with what it pulled in through `extends`, flattened in order (parents first). */
interface Layer {
  config: ConfigFile;
  dir: string;
  ruleDirs: string[];
}

/** Everything needed to lint a file: the merged settings (rulebook/resolve.ts) and the config files they came from. */
export interface Effective extends Settings {
  /** The config files that apply, nearest last (for messages and caching). */
  files: string[];
}

export interface ResolverOptions {
  cwd: string;
  /** --config <file>: use this config and no other. */
  configFile?: string;
  /** --no-config. */
  noConfig?: boolean;
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The resolver for --config <file> / --no-config / discovery. */
export function resolverFor(opts: { config?: string | false }, cwd: string): ConfigResolver {
  return new ConfigResolver({ cwd, configFile: typeof opts.config === 'string' ? opts.config : undefined, noConfig: opts.config === false });
}

export class ConfigResolver {
  private readonly configs = new Map<string, Layer[]>();
  private readonly chains = new Map<string, Layer[]>();
  private readonly ruleDirs = new Map<string, RuleDefinition[]>();
  private readonly compiled = new Map<string, Effective>();
  /** Compiled rulebooks by the content of their definitions: configs that differ only in where they are share one. */
  private readonly rulebooks = new Map<string, Rulebook>();
  private first?: { definitions: RuleDefinition[]; rulebook: Rulebook };
  private readonly contents = new Map<string, number>();
  private readonly ids = new WeakMap<RuleDefinition, number>();
  /** How many rulebooks this resolver compiled. */
  compiles = 0;
  private bundled?: RuleDefinition[];

  constructor(private readonly opts: ResolverOptions) {}

  private bundledRules(): RuleDefinition[] {
    this.bundled ??= loadBundledRules(this.opts.cwd);
    return this.bundled;
  }

  private rulesIn(dir: string): RuleDefinition[] {
    let rules = this.ruleDirs.get(dir);
    if (!rules) {
      rules = loadRuleDir(dir, this.opts.cwd);
      this.ruleDirs.set(dir, rules);
    }
    return rules;
  }

  /** Load a config file and, before it, what it extends. */
  private load(path: string, seen: string[] = []): Layer[] {
    const cached = this.configs.get(path);
    if (cached) return cached;
    const name = shown(this.opts.cwd, path);
    if (seen.includes(path)) throw new RulebookError(name, 1, 1, `"extends" makes a cycle: ${[...seen, path].map((p) => shown(this.opts.cwd, p)).join(' -> ')}`);
    if (seen.length >= MAX_EXTENDS_DEPTH) {
      throw new RulebookError(shown(this.opts.cwd, seen[seen.length - 1]), 1, 1, `"extends" nests more than ${MAX_EXTENDS_DEPTH} configs deep (${shown(this.opts.cwd, seen[0])} -> … -> ${name})`);
    }
    const config = parseConfigFile(readYamlFile(path, name, 'config'), name);
    const dir = dirname(path);
    const layers: Layer[] = [];
    const own: Layer = { config, dir, ruleDirs: [] };
    (config.extends ?? []).forEach((entry, i) => {
      if (entry === RECOMMENDED) return; // mergeConfigs turns the bundled rules on
      const target = resolve(dir, entry);
      let stat;
      try {
        stat = statSync(target);
      } catch {
        config.yaml.fail(['extends', ...(Array.isArray(config.extends) && config.extends.length > 1 ? [i] : [])], `"${entry}" does not exist (extends takes ${RECOMMENDED}, a folder of rule files or a config file)`);
      }
      if (stat!.isDirectory()) {
        this.rulesIn(target);
        own.ruleDirs.push(target);
      } else {
        layers.push(...this.load(target, [...seen, path]));
      }
    });
    layers.push(own);
    this.configs.set(path, layers);
    return layers;
  }

  /** The configs that apply to files in `dir`, root-most first. */
  private chain(dir: string): Layer[] {
    if (this.opts.noConfig) return [];
    if (this.opts.configFile) return this.load(resolve(this.opts.cwd, this.opts.configFile));
    const cached = this.chains.get(dir);
    if (cached) return cached;
    let chain: Layer[] = [];
    const own = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
    const parent = dirname(dir);
    const atTop = parent === dir || existsSync(join(dir, '.git'));
    const layers = own ? this.load(own) : [];
    const isRoot = layers.some((l) => l.config.root);
    chain = [...(atTop || isRoot ? [] : this.chain(parent)), ...layers];
    this.chains.set(dir, chain);
    return chain;
  }

  /** Is this file ignored by an `ignorePatterns` entry? */
  isIgnored(file: string): boolean {
    const abs = resolve(this.opts.cwd, file);
    return this.chain(dirname(abs)).some((l) => l.config.ignorePatterns.length && picomatch(l.config.ignorePatterns, { dot: true })(relative(l.dir, abs).split('\\').join('/')));
  }

  /** Everything needed to lint `file` (a path; stdin uses a name in cwd). */
  forFile(file: string): Effective {
    const abs = resolve(this.opts.cwd, file);
    const chain = this.chain(dirname(abs));
    const overrides = chain.flatMap((l, li) =>
      l.config.overrides.map((o, oi) => ({ o, key: `${li}.${oi}`, match: picomatch(o.files, { dot: true })(relative(l.dir, abs).split('\\').join('/')) })),
    );
    const applied = overrides.filter((x) => x.match);
    const key = `${chain.map((l) => l.config.file).join('|')}#${applied.map((x) => x.key).join(',')}`;
    let effective = this.compiled.get(key);
    if (!effective) {
      effective = this.build(chain, applied.map((x) => x.o));
      this.compiled.set(key, effective);
    }
    return effective;
  }

  /**
   * The compiled rulebook for these definitions: one per distinct content, so
   * that 40 folders with the same .replylintrc.yaml compile once, not 40 times.
   * The key is everything compileRulebook reads: the definitions, options
   * applied, each by its JSON (the registries are always DEFAULTS). Content
   * that is equal but written in another key order only compiles again.
   */
  private rulebookFor(definitions: RuleDefinition[]): Rulebook {
    const key = (defs: RuleDefinition[]) => defs.map((d) => this.contentId(d)).join(',');
    // A run under one config (most runs) never serialises its rules: the first rulebook is keyed when a second config comes.
    if (!this.compiles) {
      this.compiles++;
      this.first = { definitions, rulebook: compileRulebook(definitions, DEFAULTS) };
      return this.first.rulebook;
    }
    if (this.first) {
      this.rulebooks.set(key(this.first.definitions), this.first.rulebook);
      this.first = undefined;
    }
    const k = key(definitions);
    let rulebook = this.rulebooks.get(k);
    if (!rulebook) {
      rulebook = compileRulebook(definitions, DEFAULTS);
      this.compiles++;
      this.rulebooks.set(k, rulebook);
    }
    return rulebook;
  }

  /** A small number per distinct definition content (a definition shared by many configs is serialised once). */
  private contentId(def: RuleDefinition): number {
    let id = this.ids.get(def);
    if (id === undefined) {
      const json = JSON.stringify(def);
      id = this.contents.get(json);
      if (id === undefined) this.contents.set(json, (id = this.contents.size));
      this.ids.set(def, id);
    }
    return id;
  }

  /** Every rule known to this run (bundled and the teams'), for listing and testing. */
  allRules(file = join(this.opts.cwd, 'x.md')): RuleDefinition[] {
    return this.forFile(file).definitions;
  }

  private build(chain: Layer[], overrides: ConfigFile['overrides']): Effective {
    const teamDirs = [...new Set(chain.flatMap((l) => l.ruleDirs))];
    const settings = mergeConfigs({
      configs: chain.map((l) => l.config),
      overrides,
      bundled: this.bundledRules(),
      team: teamDirs.flatMap((d) => this.rulesIn(d)),
      // Folders with identical configs share one compiled rulebook (keyed by content).
      compile: (definitions) => this.rulebookFor(definitions),
    });
    return { ...settings, files: chain.map((l) => l.config.file) };
  }
}
