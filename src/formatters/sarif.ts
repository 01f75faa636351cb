/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, every loaded rule
 * described in `tool.driver.rules`, one result per problem, and SARIF `fixes` where a problem has one.
 */
import { isAbsolute, posix, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, RuleDefinition, Severity } from '../core/types.js';
import { LANGUAGES } from '../lang/index.js';
import type { FileReport, Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A relative path as a relative URI reference (forward slashes, each segment percent-encoded). */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * Where a report's file is: relative to %SRCROOT% (the working directory) when it is under it,
 * else an absolute file: URI.
 */
export function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const slashed = sep === '\\' ? filePath.replace(/\\/g, '/') : filePath;
  if (!isAbsolute(filePath)) {
    const normal = posix.normalize(slashed);
    if (normal !== '..' && !normal.startsWith('../')) return { uri: relativeUri(normal), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(resolve(cwd, filePath)).href };
}

/** SARIF viewers are read in English (the first language); the others' descriptions follow it. */
const [FIRST, ...OTHERS] = [...LANGUAGES.values()];

function ruleDescriptor(rule: RuleDefinition) {
  const markdown = rule.suggestion
    ? [rule.suggestion[FIRST.code], '', `**Why** (from ${rule.source.length === 1 ? 'an article' : 'articles'} in Dutch):`, '', rule.source.map((s) => `> ${s.quote.replace(/\n/g, ' ')}\n>\n> — *${s.article}*`).join('\n\n')].join('\n')
    : undefined;
  return {
    id: rule.id,
    shortDescription: { text: rule.description[FIRST.code] },
    fullDescription: { text: [rule.description[FIRST.code], ...OTHERS.filter((l) => rule.description[l.code] !== undefined).map((l) => `In ${l.englishName}: ${rule.description[l.code]}`)].join(' ') },
    ...(rule.suggestion ? { help: { text: rule.suggestion[FIRST.code], markdown } } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      kind: rule.kind,
      tags: ['customer-support', rule.kind],
      source: rule.source.map(({ article, quote }) => ({ article, quote })),
    },
  };
}

function fixes(d: Diagnostic, location: ArtifactLocation, source: string | undefined) {
  if (!d.fix) return {};
  const [start, end] = d.fix.range;
  const replaced = source?.slice(start, end);
  const description =
    start === end ? `Insert “${d.fix.text}”` : replaced === undefined ? `Replace with “${d.fix.text}”` : d.fix.text ? `Replace “${replaced}” with “${d.fix.text}”` : `Remove “${replaced}”`;
  return {
    fixes: [
      {
        description: { text: description },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: d.fix.text } }],
          },
        ],
      },
    ],
  };
}

function result(d: Diagnostic, report: FileReport, location: ArtifactLocation, ruleIndex: Map<string, number>) {
  return {
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId)!,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
    ...fixes(d, location, report.source),
    properties: { language: report.language, ...(d.suggestion ? { suggestion: d.suggestion } : {}) },
  };
}

/** A problem whose rule is not among the loaded ones (such as a report about the linting itself) still gets a descriptor. */
function bareDescriptor(id: string) {
  return { id, shortDescription: { text: id } };
}

const sarif: Formatter = (reports, ctx) => {
  const rules: object[] = ctx.rules.map(ruleDescriptor);
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  for (const m of reports.flatMap((r) => r.messages)) {
    if (!ruleIndex.has(m.ruleId)) {
      ruleIndex.set(m.ruleId, rules.length);
      rules.push(bareDescriptor(m.ruleId));
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => {
          const location = artifactLocation(report.filePath, ctx.cwd);
          return report.messages.map((d) => result(d, report, location, ruleIndex));
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default sarif;
