/** The default: problems grouped by file, the suggestion under each, a summary at the end. */
import { plural, type Formatter } from './types.js';

const stylish: Formatter = (reports, { color: c, fixed }) => {
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
      out += `  ${c.dim(pos)}  ${sev}  ${m.message}  ${c.dim(m.ruleId)}${m.fix ? c.green(' (fixable)') : ''}\n`;
      if (m.suggestion) out += `  ${' '.repeat(posWidth)}  ${c.dim(`  → ${m.suggestion}`)}\n`;
    }
  }
  const total = errors + warnings + infos;
  const fixable = reports.reduce((n, r) => n + r.messages.filter((m) => m.fix).length, 0);
  if (total) {
    const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
    out += `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
    if (fixable && fixed === undefined) out += c.green(`  ${fixable} of them fixable with --fix\n`);
  }
  if (fixed !== undefined && (fixed || total)) out += `${total ? '' : '\n'}${c.green(`✔ ${plural(fixed, 'problem')} fixed`)}, ${plural(total, 'problem')} remaining\n`;
  return out;
};

export default stylish;
