/** One line per problem, for editors' quickfix lists: path:line:col: severity: message (rule-id). */
import type { Formatter } from './types.js';

const compact: Formatter = (reports) =>
  reports
    .flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message} (${m.ruleId})\n`))
    .join('');

export default compact;
