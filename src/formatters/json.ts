/** ESLint's JSON shape, with `severity` as a word. */
import type { Diagnostic, Lang } from '../core/types.js';
import type { FileReport, Formatter } from './types.js';

/** One file's result as `--format json` prints it, and as the Node API (ReplyLint) returns it. */
export interface JsonFileResult {
  filePath: string;
  language: Lang;
  situation?: FileReport['situation'];
  messages: Pick<Diagnostic, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'suggestion' | 'suggestions' | 'fix'>[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  /** With fix: the fixed text, when it differs. */
  output?: string;
}

export function jsonResult(r: FileReport): JsonFileResult {
  return {
    filePath: r.filePath,
    language: r.language,
    ...(r.situation ? { situation: r.situation } : {}),
    messages: r.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, suggestion, suggestions, fix }) => ({
      ruleId,
      severity,
      message,
      line,
      column,
      endLine,
      endColumn,
      ...(suggestion ? { suggestion } : {}),
      ...(suggestions?.length ? { suggestions } : {}),
      ...(fix ? { fix } : {}),
    })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableCount: r.messages.filter((m) => m.fix).length,
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
}

const json: Formatter = (reports) => `${JSON.stringify(reports.map(jsonResult))}\n`;

export default json;
