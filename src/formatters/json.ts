/** ESLint's JSON shape, with `severity` as a word. */
import type { Formatter } from './types.js';

const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map((r) => ({
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
    })),
  )}\n`;

export default json;
