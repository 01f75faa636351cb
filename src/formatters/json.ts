/** ESLint's JSON shape, with `severity` as a word. */
import type { Formatter } from './types.js';

const json: Formatter = (reports) =>
  `${JSON.stringify(
    reports.map((r) => ({
      filePath: r.filePath,
      language: r.language,
      messages: r.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, suggestion }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        ...(suggestion ? { suggestion } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
    })),
  )}\n`;

export default json;
