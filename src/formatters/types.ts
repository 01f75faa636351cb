/** What a formatter gets. A format is one file in this folder whose default export is a Formatter. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Lang } from '../core/types.js';

export interface FileReport {
  filePath: string;
  language: Lang;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface FormatContext {
  color: ChalkInstance;
}

export type Formatter = (reports: readonly FileReport[], ctx: FormatContext) => string;

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
