/**
 * What the language server lints with: the CLI's own config resolution (the
 * same files, extends, overrides and ignorePatterns) and the core, on the
 * editor's text rather than the file on disk.
 */
import { extname } from 'node:path';
import { lint, type LintOptions } from '../core/engine.js';
import { fixText } from '../core/fix.js';
import type { Diagnostic, SourceRef } from '../core/types.js';
import { resolverFor, type ConfigResolver } from '../cli/config.js';
import { version } from '../cli/io.js';

export interface LintedMessage extends Diagnostic {
  /** The passages the rule comes from: why it matters. */
  why?: SourceRef[];
}

export interface LintedDocument {
  messages: LintedMessage[];
  /** A config that cannot be used (broken YAML, unknown rule): the message names the file and place. */
  error?: string;
}

export class DocumentLinter {
  private readonly resolver: ConfigResolver;
  readonly version = version();

  constructor(cwd: string) {
    this.resolver = resolverFor({}, cwd);
  }

  private options(path: string): [ReturnType<ConfigResolver['forFile']>, LintOptions] {
    const effective = this.resolver.forFile(path);
    return [
      effective,
      {
        fileType: extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown',
        lang: effective.language,
        rules: effective.severities,
        placeholders: effective.placeholders,
        blockquotes: effective.blockquotes,
        situation: effective.situation,
      },
    ];
  }

  /** The problems in `text`, as the CLI would report them for a file at `path` with this text; none if the path is ignored. */
  lint(text: string, path: string): LintedDocument {
    if (this.resolver.isIgnored(path)) return { messages: [] };
    const [effective, options] = this.options(path);
    const why = new Map(effective.definitions.map((d) => [d.id, d.source]));
    return { messages: lint(text, effective.rulebook, options).diagnostics.map((d) => ({ ...d, why: why.get(d.ruleId) })) };
  }

  /** The text with every safe fix applied, as `--fix` would write it. */
  fix(text: string, path: string): string | undefined {
    if (this.resolver.isIgnored(path)) return undefined;
    const [effective, options] = this.options(path);
    return fixText(text, effective.rulebook, options).output;
  }
}
