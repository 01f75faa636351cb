/** The default: problems grouped by file, the suggestion under each, a summary at the end. */
import { plural, type Formatter } from './types.js';

const stylish: Formatter = (reports, { color: c }) => {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const report of reports) {
    if (!report.messages.length) continue;
    errors += report.errorCount;
    warnings += report.warningCount;
    infos += report.infoCount;
    out += `\n${c.underline(report.filePath)}\n`;
    const posWidth = Math.max(...report.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of report.messages) {
      const pos = `${m.line}:${m.column}`.padEnd(posWidth);
      const sev = m.severity === 'error' ? c.red('error  ') : m.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      out += `  ${c.dim(pos)}  ${sev}  ${m.message}  ${c.dim(m.ruleId)}\n`;
      if (m.suggestion) out += `  ${' '.repeat(posWidth)}  ${c.dim(`  → ${m.suggestion}`)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total) {
    const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
    out += `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
  }
  return out;
};

export default stylish;
