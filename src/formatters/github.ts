/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per problem,
 * which GitHub shows as an annotation on the file and line (in the run and the pull request's diff).
 */
import type { Severity } from '../core/types.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** As @actions/core's `escapeData`: the message after `::`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core's `escapeProperty`: a `key=value` property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const github: Formatter = (reports) =>
  reports
    .flatMap((r) =>
      r.messages.map((m) => {
        const props = [
          ['file', r.filePath],
          ['line', m.line],
          ['col', m.column],
          ['endLine', m.endLine],
          ['endColumn', m.endColumn],
          ['title', m.ruleId],
        ]
          .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
          .join(',');
        return `::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}\n`;
      }),
    )
    .join('');

export default github;
