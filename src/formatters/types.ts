/** What a formatter gets. A format is one file in this folder whose default export is a Formatter. */
import type { ChalkInstance } from 'chalk';
import type { SituationVerdict } from '../core/situation.js';
import type { Diagnostic, Lang, RuleDefinition } from '../core/types.js';

export interface FileReport {
  /** As given on the command line or found under a directory, relative to cwd when possible. */
  filePath: string;
  /** The linted text (BOM removed), for formats that quote it or apply fixes. */
  source?: string;
  /** With --fix or --fix-dry-run: the fixed text, when it differs. */
  output?: string;
  language: Lang;
  /** Complaint, question or notice, and what decided it. */
  situation?: SituationVerdict;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface FormatContext {
  color: ChalkInstance;
  /** Every rule that was loaded (for formats that describe rules, such as SARIF). */
  rules: readonly RuleDefinition[];
  /** The working directory: file paths in reports are relative to it. */
  cwd: string;
  /** replylint's version. */
  version: string;
  /** With --fix or --fix-dry-run: how many problems the fixes solved. */
  fixed?: number;
  /** Columns to wrap to (the terminal's; undefined: 80). */
  width?: number;
}

export type Formatter = (reports: readonly FileReport[], ctx: FormatContext) => string;

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

/**
 * A format that can print file by file may also export `stream`: the CLI then
 * prints each file's part as soon as it is linted and keeps no reports, so
 * memory stays flat on any number of files. Its output must equal the default
 * export's on the same reports.
 */
export interface StreamFormatter {
  file(report: FileReport, ctx: FormatContext): string;
  end(totals: Totals, ctx: FormatContext): string;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
