/**
 * The default, for people: per file, one line per problem (position,
 * severity, message, rule) and under it the rewrite of the writer's sentence
 * when there is one; a rule's general advice once per file, not once per hit;
 * a summary at the end. Lines wrap to the terminal's width (80 when the output
 * is not a terminal) with a hanging indent.
 */
import { escapeReport } from './escape.js';
import { plural, type FileReport, type FormatContext, type Formatter, type StreamFormatter, type Totals } from './types.js';

const DEFAULT_WIDTH = 80;
/** Narrower than this, wrapping does more harm than good. */
const MIN_WIDTH = 40;

/** Word-wrap `text` to `width` columns; lines after the first are indented by `indent` spaces. */
export function wrap(text: string, width: number, indent: number, first = 0): string[] {
  const room = Math.max(width - indent, 20);
  const lines: string[] = [];
  let line = '';
  let limit = Math.max(width - first, 20);
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + [...word].length > limit) {
      lines.push(line);
      line = word;
      limit = room;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

function file(report: FileReport, { color: c, width: w }: FormatContext): string {
  report = escapeReport(report);
  if (!report.messages.length) return '';
  const width = Math.max(w ?? DEFAULT_WIDTH, MIN_WIDTH);
  let out = `\n${c.underline(report.filePath)}\n`;
  const posWidth = Math.max(...report.messages.map((m) => `${m.line}:${m.column}`.length));
  // "  6:52  warning  " is where the message starts; wrapped lines and rewrites hang there.
  const indent = 2 + posWidth + 2 + 7 + 2;
  const pad = ' '.repeat(indent);
  const advice = new Map<string, string>();
  for (const m of report.messages) {
    const pos = `${m.line}:${m.column}`.padEnd(posWidth);
    const sev = m.severity === 'error' ? c.red('error  ') : m.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
    // The rule id goes at the end of the message, on its last line.
    const id = `${m.ruleId}${m.fix ? ' (fixable)' : ''}`;
    const lines = wrap(`${m.message}  ${id}`, width, indent, indent);
    const last = lines.length - 1;
    const styledLast = lines[last].endsWith(id) ? `${lines[last].slice(0, -id.length)}${c.dim(m.ruleId)}${m.fix ? c.green(' (fixable)') : ''}` : lines[last];
    lines[last] = styledLast;
    out += `  ${c.dim(pos)}  ${sev}  ${lines.join(`\n${pad}`)}\n`;
    if (m.suggestion && m.general) {
      if (!advice.has(m.ruleId)) advice.set(m.ruleId, m.suggestion);
    } else if (m.suggestion) {
      out += `${pad}${c.green('→')} ${wrap(m.suggestion, width, indent + 2, indent + 2).join(`\n${pad}  `)}\n`;
    }
  }
  if (advice.size) {
    out += '\n';
    for (const [ruleId, text] of advice) out += `  ${c.dim(wrap(`${ruleId}: ${text}`, width, 4, 2).join('\n    '))}\n`;
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
