/**
 * Output formats, loaded by name: a format is a module in dist/formatters/
 * (src/formatters/ under tsx) whose default export is a Formatter. The command
 * and the Node API (loadFormatter) both load them here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Formatter, StreamFormatter } from '../formatters/types.js';
import { didYouMean } from '../rulebook/errors.js';
import { UsageError } from './io.js';

const FORMATTERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'formatters');

export function availableFormats(): string[] {
  return readdirSync(FORMATTERS_DIR)
    .filter((f) => /^[a-z][a-z0-9-]*\.(js|ts)$/.test(f) && !f.startsWith('types.') && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(js|ts)$/, ''))
    .sort();
}

export async function loadFormatter(name: string): Promise<Formatter & { stream?: StreamFormatter }> {
  const formats = availableFormats();
  if (!formats.includes(name)) throw new UsageError(`unknown format "${name}"${didYouMean(name, formats)} (formats: ${formats.join(', ')})`);
  const file = [`${FORMATTERS_DIR}/${name}.js`, `${FORMATTERS_DIR}/${name}.ts`].find(existsSync)!;
  const mod = (await import(new URL(`file://${file}`).href)) as { default: Formatter; stream?: StreamFormatter };
  return Object.assign(mod.default, { stream: mod.stream });
}

