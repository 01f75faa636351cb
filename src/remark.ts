/**
 * replylint as a unified plugin: `unified().use(remarkParse).use(replylint, options)`
 * (and so remark-cli) reports replylint's problems as vfile messages. It lints
 * the file's own text (`String(file)`), not the tree: replylint reads Markdown
 * itself, with every position exact.
 *
 * Severity as remark-lint has it (unified-lint-rule): an error is a message
 * with `fatal: true` (remark-cli counts it as an error and exits 1), a warning
 * `fatal: false`, an info `fatal: undefined` (as `file.info()` makes one).
 * A rewrite of the reported text goes in `expected` (that text in `actual`),
 * the suggestion or advice in `note`.
 */
import type { Plugin } from 'unified';
import { bundledRules, lint, parseConfigText, settingsFor } from './browser.js';
import { BOM } from './core/text.js';
import type { Lang, Severity } from './core/types.js';

export interface Options {
  /** A `.replylintrc.yaml` text; `extends` may only name replylint:recommended. Its `overrides` match the file's path relative to the working folder. */
  config?: string;
  /** The language of every reply (as `--lang`); front matter still wins. */
  lang?: Lang;
  /** Severities over the config's (as `--rule id=level`). */
  rules?: Record<string, Severity | 'off'>;
}

/** The file's path as a config's globs see it: relative to the working folder, with `/`. */
function relativePath(path: string | undefined, cwd: string | undefined): string | undefined {
  if (!path) return undefined;
  const p = path.split('\\').join('/');
  const base = cwd?.split('\\').join('/').replace(/\/$/, '');
  return base && p.startsWith(`${base}/`) ? p.slice(base.length + 1) : p;
}

const replylint: Plugin<[(Options | null | undefined)?]> = function replylint(options) {
  const opts = options ?? {};
  const config = parseConfigText(opts.config ?? '');
  const rules = bundledRules();
  return (_tree, file) => {
    const settings = settingsFor(config, { rules, filePath: relativePath(file.path, file.cwd) });
    if (settings.ignored) return;
    const text = String(file);
    const bom = text.startsWith(BOM) ? 1 : 0;
    const result = lint(text, settings.rulebook, {
      ...settings.lintOptions,
      fileType: /\.txt$/i.test(file.path ?? '') ? 'text' : 'markdown',
      lang: opts.lang ?? settings.language,
      rules: opts.rules ? { ...settings.severities, ...opts.rules } : settings.severities,
    });
    for (const d of result.diagnostics) {
      const message = file.message(d.message, {
        place: {
          start: { line: d.line, column: d.column, offset: d.offset + bom },
          end: { line: d.endLine, column: d.endColumn, offset: d.endOffset + bom },
        },
        ruleId: d.ruleId,
        source: 'replylint',
      });
      message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
      // Rewrites of exactly the reported text (an insertion elsewhere, such as a missing thank-you, is only in the note).
      const rewrites = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? []).map((s) => s.fix)].filter((f) => f.range[0] === d.offset && f.range[1] === d.endOffset).map((f) => f.text);
      if (rewrites.length) {
        message.actual = text.slice(bom + d.offset, bom + d.endOffset);
        message.expected = [...new Set(rewrites)];
      }
      if (d.suggestion) message.note = d.suggestion;
    }
  };
};

export default replylint;
