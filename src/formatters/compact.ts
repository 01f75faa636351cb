/** One line per problem, for editors' quickfix lists: path:line:col: severity: message (rule-id). */
import type { FileReport, Formatter, StreamFormatter } from './types.js';

const file = (r: FileReport) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message} (${m.ruleId})\n`).join('');

export const stream: StreamFormatter = { file, end: () => '' };

const compact: Formatter = (reports) => reports.map(file).join('');

export default compact;
