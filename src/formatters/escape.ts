/**
 * Text from a reply or a file name, made safe for a terminal: control
 * characters (C0 including tab and line breaks, DEL, C1 — so escape sequences
 * such as ESC [ 2 J), line and paragraph separators and bidirectional controls
 * (which reorder what the reader sees) are shown as \xNN or \uNNNN. Everything
 * else, accents and emoji included, is left as it is.
 */
import type { FileReport } from './types.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The report with its file name and every message's text escaped (the report itself is not changed). */
export function escapeReport(report: FileReport): FileReport {
  return {
    ...report,
    filePath: escapeText(report.filePath),
    messages: report.messages.map((m) => ({ ...m, ruleId: escapeText(m.ruleId), message: escapeText(m.message), suggestion: m.suggestion === undefined ? undefined : escapeText(m.suggestion) })),
  };
}
