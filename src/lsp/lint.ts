/**
 * What the language server lints with: the Node API (ReplyLint), so a
 * document gets exactly the CLI's config resolution (files, extends,
 * overrides, ignorePatterns) and results, on the editor's text rather than
 * the file on disk.
 */
import { ReplyLint, type ReplyLintResult } from '../api/replylint.js';
import type { SourceRef } from '../core/types.js';

export type LintedMessage = ReplyLintResult['messages'][number] & {
  /** The passages the rule comes from: why it matters. */
  why?: SourceRef[];
};

export interface LintedDocument {
  messages: LintedMessage[];
  /** A config that cannot be used (broken YAML, unknown rule): the message names the file and place. */
  error?: string;
}

export class DocumentLinter {
  private readonly linter: ReplyLint;
  private readonly fixer: ReplyLint;

  constructor(cwd: string) {
    // Warnings (an ignored file named) are for a terminal; the editor shows nothing for an ignored document.
    this.linter = new ReplyLint({ cwd, onWarning: () => {} });
    this.fixer = new ReplyLint({ cwd, fix: true, onWarning: () => {} });
  }

  /** The problems in `text`, as the CLI reports them for a file at `path` with this text; none if the path is ignored. */
  async lint(text: string, path: string): Promise<LintedDocument> {
    const [result] = await this.linter.lintText(text, { filePath: path });
    if (!result) return { messages: [] };
    const { rulebook } = await this.linter.calculateConfigForFile(path);
    const why = new Map(rulebook.rules.map((r) => [r.rule.id, r.rule.source]));
    return { messages: result.messages.map((m) => ({ ...m, why: why.get(m.ruleId) })) };
  }

  /** The text with every safe fix applied, as `--fix` would write it (undefined: nothing to fix, or ignored). */
  async fix(text: string, path: string): Promise<string | undefined> {
    const [result] = await this.fixer.lintText(text, { filePath: path });
    return result?.output;
  }
}
