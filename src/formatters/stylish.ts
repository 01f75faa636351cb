/** The default: problems grouped by file, the suggestion under each, a summary at the end. */
import { escapeReport } from './escape.js';
import { plural, type FileReport, type FormatContext, type Formatter, type StreamFormatter, type Totals } from './types.js';

function file(report: FileReport, { color: c }: FormatContext): string {
  report = escapeReport(report);
  if (!report.messages.length) return '';
  let out = `\n${c.underline(report.filePath)}\n`;
  const posWidth = Math.max(...report.messages.map((m) => `${m.line}:${m.column}`.length));
  for (const m of report.messages) {
    const pos = `${m.line}:${m.column}`.padEnd(posWidth);
    const sev = m.severity === 'error' ? c.red('error  ') : m.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
    out += `  ${c.dim(pos)}  ${sev}  ${m.message}  ${c.dim(m.ruleId)}${m.fix ? c.green(' (fixable)') : ''}\n`;
    if (m.suggestion) out += `  ${' '.repeat(posWidth)}  ${c.dim(`  → ${m.suggestion}`)}\n`;
  }
  return out;
}

function end(t: Totals, { color: c, fixed }: FormatContext): string {
  let out = '';
  const total = t.errors + t.warnings + t.infos;
  if (total) {
    const summary = `✖ ${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')})`;
    out += `\n${t.errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
    if (t.fixable && fixed === undefined) out += c.green(`  ${t.fixable} of them fixable with --fix\n`);
  }
  if (fixed !== undefined && (fixed || total)) out += `${total ? '' : '\n'}${c.green(`✔ ${plural(fixed, 'problem')} fixed`)}, ${plural(total, 'problem')} remaining\n`;
  return out;
}

export const stream: StreamFormatter = { file, end };

const stylish: Formatter = (reports, ctx) => {
  const totals: Totals = { files: reports.length, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  let out = '';
  for (const r of reports) {
    totals.errors += r.errorCount;
    totals.warnings += r.warningCount;
    totals.infos += r.infoCount;
    totals.fixable += r.messages.filter((m) => m.fix).length;
    out += file(r, ctx);
  }
  return out + end(totals, ctx);
};

export default stylish;
