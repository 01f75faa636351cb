/** One line per problem, for editors' quickfix lists: path:line:col: severity: message (rule-id). */
import { escapeReport } from './escape.js';
import type { FileReport, Formatter, StreamFormatter } from './types.js';

function file(report: FileReport): string {
  // Escaped: a control character in a reply or a file name would reach the terminal, or break the one-line format.
  const r = escapeReport(report);
  return r.messages.map((m) => `${r.filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message} (${m.ruleId})\n`).join('');
}

export const stream: StreamFormatter = { file, end: () => '' };

const compact: Formatter = (reports) => reports.map((r) => file(r)).join('');

export default compact;
