/**
 * Applying fixes: only the fixed ranges change. Non-overlapping fixes are
 * applied in one pass, then the text is linted again, up to 10 passes, until
 * nothing fixable is left (as ESLint does). Pure: text in, text out.
 */
import { lint, type LintOptions, type LintResult, type Rulebook } from './engine.js';
import { LineIndex } from './location.js';
import { BOM, stripBom } from './text.js';
import type { Diagnostic, Fix } from './types.js';

export const MAX_FIX_PASSES = 10;

/**
 * Apply the fixes that do not overlap (earlier ones win). Adjacent fixes are
 * both applied; two that start at one point are not (the second waits for the
 * next pass, so insertions there come out in a fixed order).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number; edits: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let last = 0;
  let lastStart = -1;
  let applied = 0;
  const edits: Fix[] = [];
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < last || start === lastStart || end < start || end > text.length) continue;
    lastStart = start;
    output += text.slice(last, start) + fix.text;
    last = end;
    applied++;
    edits.push(fix);
  }
  return { output: output + text.slice(last), applied, edits };
}

export interface FixResult extends LintResult {
  /** The fixed text (with the BOM, if the input had one). */
  output: string;
  /** How many problems the fixes solved (problems before, less problems after). */
  fixed: number;
  passes: number;
  /** The edits of each pass, in the coordinates of the text that pass read (BOM excluded). */
  edits: Fix[][];
}


export function fixText(input: string, rulebook: Rulebook, options: LintOptions = {}): FixResult {
  const bom = input.startsWith(BOM) ? BOM : '';
  let text = bom ? input.slice(1) : input;
  let passes = 0;
  const edits: Fix[][] = [];
  let result = lint(text, rulebook, options);
  const before = result.diagnostics.length;
  while (passes < MAX_FIX_PASSES) {
    const fixes = result.diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined).map((d) => d.fix);
    if (!fixes.length) break;
    const { output, applied, edits: done } = applyFixes(text, fixes);
    if (!applied || output === text) break;
    passes++;
    edits.push(done);
    text = output;
    result = lint(text, rulebook, options);
  }
  return { ...result, output: bom + text, fixed: Math.max(0, before - result.diagnostics.length), passes, edits };
}

/** An offset in the text after one pass's edits, back in the text before them (inside a replacement: its start). */
function backThrough(edits: readonly Fix[], offset: number): number {
  let delta = 0;
  for (const e of edits) {
    const [start, end] = e.range;
    const newStart = start + delta;
    if (offset < newStart) break;
    if (offset < newStart + e.text.length) return start;
    delta += e.text.length - (end - start);
  }
  return offset - delta;
}

/**
 * The problems left after fixing, at their places in the original text (as
 * `--fix-dry-run` reports them: the file on disk is unchanged). Fixes and
 * suggestions are dropped: they apply to the fixed text, which is not there.
 */
export function remainingInOriginal(result: FixResult, original: string): Diagnostic[] {
  const text = stripBom(original);
  const lines = new LineIndex(text);
  const back = (o: number) => result.edits.reduceRight((at, pass) => backThrough(pass, at), o);
  return result.diagnostics.map(({ fix: _fix, suggestions: _s, ...d }) => {
    const offset = back(d.offset);
    const endOffset = Math.max(offset, back(d.endOffset));
    const start = lines.position(offset);
    const end = lines.position(endOffset);
    return { ...d, offset, endOffset, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}
