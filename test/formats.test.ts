/** The CI formats (sarif, github, junit, markdown) end to end: spawn bin/replylint.js as a CI job would. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { xmlAttr, xmlText } from '../src/formatters/junit.js';
import { cell } from '../src/formatters/markdown.js';
import sarifFormatter from '../src/formatters/sarif.js';
import type { FileReport } from '../src/formatters/types.js';
import type { RuleDefinition } from '../src/core/types.js';
import { BAD_EN, GOOD_EN, runCli, type JsonFileResult } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
/** The official SARIF 2.1.0 schema (OASIS; draft-04 JSON Schema), kept in the shared materials beside the repo. */
const SARIF_SCHEMA = join(ROOT, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');

const run = (args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) => runCli(args, { ...opts, env: { NO_COLOR: '', FORCE_COLOR: '1', ...opts.env } });

type JsonReport = JsonFileResult;
const jsonOf = (args: string[], cwd: string, input?: string) => JSON.parse(run([...args, '-f', 'json'], { cwd, input }).stdout) as JsonReport[];


let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-formats-'));
  // The shipped fixtures, linted from a folder of their own so that no config around the repo applies.
  cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
  writeFileSync(join(dir, 'bad.md'), BAD_EN);
  writeFileSync(join(dir, 'good.md'), GOOD_EN);
  mkdirSync(join(dir, 'my macros'));
  writeFileSync(join(dir, 'my macros', 'bad 1.md'), BAD_EN);
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere', 'bad.md'), BAD_EN);
  mkdirSync(join(dir, 'work'));
});

const FORMATS = ['sarif', 'github', 'junit', 'markdown'];

describe('every CI format', () => {
  it('is listed, deterministic and has no colours even when colours are forced', () => {
    const help = run(['bad.md', '-f', 'nope'], { cwd: dir });
    for (const f of FORMATS) expect(help.stderr).toContain(f);
    for (const f of FORMATS) {
      const a = run(['fixtures', 'good.md', '-f', f], { cwd: dir });
      const b = run(['fixtures', 'good.md', '-f', f], { cwd: dir });
      expect(a.stderr).toBe('');
      expect(a.code).toBe(1);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).not.toContain('\u001b[');
      expect(a.stdout.endsWith('\n')).toBe(true);
    }
  }, 90_000);

  it('keeps the exit code: 0 on a good reply (1 on a bad one, above)', () => {
    for (const f of FORMATS) expect(run(['good.md', '-f', f], { cwd: dir }).code).toBe(0);
  }, 60_000);
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help?: { text: string; markdown?: string }; defaultConfiguration?: { level: string }; properties?: { kind: string; source: { seed: string; quote: string }[] } }[] } };
    columnKind: string;
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

describe('--format sarif', () => {
  const hasSchema = existsSync(SARIF_SCHEMA);
  let validate: (data: unknown) => boolean;
  let schemaErrors: () => unknown;
  beforeAll(() => {
    if (!hasSchema) return;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const v = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    validate = (data) => v(data) as boolean;
    schemaErrors = () => v.errors;
  });
  const expectValid = (log: unknown) => {
    const ok = validate(log);
    if (!ok) expect(schemaErrors()).toEqual([]);
    expect(ok).toBe(true);
  };

  it.skipIf(!hasSchema)('is valid against the official SARIF 2.1.0 schema, over every fixture', () => {
    const r = run(['fixtures', 'good.md', 'my macros', 'elsewhere', '-f', 'sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.runs[0].results.length).toBeGreaterThan(20);
    expectValid(log);
    // and from a folder where a path goes up and out of it
    const up = run(['../elsewhere/bad.md', '../bad.md', '-f', 'sarif'], { cwd: join(dir, 'work') });
    expectValid(JSON.parse(up.stdout));
    // and on stdin
    expectValid(JSON.parse(run(['-', '-f', 'sarif'], { cwd: dir, input: BAD_EN }).stdout));
  });

  it('is one pretty-printed run describing replylint and every loaded rule', () => {
    const r = run(['fixtures', '-f', 'sarif'], { cwd: dir });
    expect(r.stdout).toMatch(/^\{\n {2}"\$schema": "https:\/\/[^"]+sarif-schema-2\.1\.0\.json",\n {2}"version": "2\.1\.0",\n/);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [runOut] = log.runs;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runOut.tool.driver).toMatchObject({ name: 'replylint', version: pkg.version });
    expect(runOut.columnKind).toBe('utf16CodeUnits');
    expect(runOut.originalUriBaseIds?.['%SRCROOT%'].uri).toBe(pathToFileURL(`${dir}/`).href);

    const bundled = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    const rules = runOut.tool.driver.rules;
    expect(rules.map((x) => x.id)).toEqual(expect.arrayContaining(bundled));
    const apology = rules.find((x) => x.id === 'require-apology')!;
    expect(apology.shortDescription.text).toMatch(/never apologises/);
    expect(apology.fullDescription?.text).toBeTruthy();
    expect(apology.help?.text).toMatch(/apologise/);
    expect(apology.help?.markdown).toContain(apology.help?.text);
    expect(apology.defaultConfiguration?.level).toBe('error');
    expect(apology.properties?.kind).toBe('require');
    expect(apology.properties?.source[0].quote).toBeTruthy();
    expect(rules.find((x) => x.id === 'require-thanks')!.defaultConfiguration?.level).toBe('note');
    expect(rules.find((x) => x.id === 'no-shouting')!.defaultConfiguration?.level).toBe('warning');
  });

  it('has a result per problem, at the same place as --format json, with relative forward-slash URIs', () => {
    const json = jsonOf(['fixtures'], dir);
    const log = JSON.parse(run(['fixtures', '-f', 'sarif'], { cwd: dir }).stdout) as SarifLog;
    const { results, tool } = log.runs[0];
    const expected = json.flatMap((f) =>
      f.messages.map((m) => ({
        ruleId: m.ruleId,
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.filePath, uriBaseId: '%SRCROOT%' }, region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn } } }],
      })),
    );
    expect(results).toHaveLength(expected.length);
    const fixes = json.flatMap((f) => f.messages.map((m) => m.fix));
    results.forEach((res, i) => {
      expect(res).toMatchObject(expected[i]);
      expect(tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      // a problem's fix, where it has one, as a SARIF fix of its own file
      const fix = fixes[i];
      if (!fix) return expect(res.fixes).toBeUndefined();
      expect(res.fixes).toHaveLength(1);
      expect(res.fixes![0].artifactChanges).toEqual([
        {
          artifactLocation: expected[i].locations[0].physicalLocation.artifactLocation,
          replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }],
        },
      ]);
    });
    expect(results.some((res) => res.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/en/bad/plan-change.md')).toBe(true);
  });

  it('percent-encodes paths, and names files outside the working directory by file: URI', () => {
    const log = JSON.parse(run(['my macros/bad 1.md', '-f', 'sarif'], { cwd: dir }).stdout) as SarifLog;
    const uris = [...new Set(log.runs[0].results.map((x) => JSON.stringify(x.locations[0].physicalLocation.artifactLocation)))];
    expect(uris).toContain(JSON.stringify({ uri: 'my%20macros/bad%201.md', uriBaseId: '%SRCROOT%' }));
    const out = JSON.parse(run(['../elsewhere/bad.md', '-f', 'sarif'], { cwd: join(dir, 'work') }).stdout) as SarifLog;
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(join(dir, 'elsewhere', 'bad.md')).href });
  });

  it('has an empty result list (and still every rule) when all is well', () => {
    const r = run(['good.md', '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(10);
    if (hasSchema) expectValid(log);
  });

  it('turns a diagnostic fix into a SARIF fix (UTF-16 offsets as charOffset/charLength)', () => {
    const source = 'Hi 👋 Sam,\n\nAs I already said, no.\n';
    const start = source.indexOf('As I already said');
    const end = start + 'As I already said'.length;
    const rule: RuleDefinition = {
      id: 't-fix',
      kind: 'phrase',
      severity: 'warning',
      description: { en: 'A test rule.', nl: 'Een testregel.' },
      source: [{ seed: 'x.txt', quote: 'A quote.' }],
      message: { en: 'm', nl: 'm' },
      options: {},
    };
    const report: FileReport = {
      filePath: 'dir/a b.md',
      source,
      language: 'en',
      messages: [{ ruleId: 't-fix', severity: 'warning', message: 'Say it differently.', line: 3, column: 1, endLine: 3, endColumn: 18, offset: start, endOffset: end, fix: { range: [start, end], text: 'To put it another way' } }],
      errorCount: 0,
      warningCount: 1,
      infoCount: 0,
    };
    const out = sarifFormatter([report], { color: undefined as never, rules: [rule], cwd: '/work/x', version: '1.2.3' });
    const log = JSON.parse(out) as SarifLog;
    const [change] = log.runs[0].results[0].fixes![0].artifactChanges;
    expect(change.artifactLocation).toEqual({ uri: 'dir/a%20b.md', uriBaseId: '%SRCROOT%' });
    expect(change.replacements).toEqual([{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: 'To put it another way' } }]);
    expect(source.slice(start, start + change.replacements[0].deletedRegion.charLength)).toBe('As I already said');
    expect(log.runs[0].results[0].fixes![0]).toMatchObject({ description: { text: 'Replace “As I already said” with “To put it another way”' } });
    expect(log.runs[0].tool.driver.rules[0].help).toBeUndefined();
    if (hasSchema) expectValid(log);
  });
});

describe('--format github', () => {
  it('prints one workflow command per problem, exactly as --format json places it', () => {
    const r = run(['fixtures', 'bad.md', '-f', 'github'], { cwd: dir });
    const json = jsonOf(['fixtures', 'bad.md'], dir);
    const cmd = { error: 'error', warning: 'warning', info: 'notice' };
    const expected = json.flatMap((f) => f.messages.map((m) => `::${cmd[m.severity]} file=${f.filePath},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${m.ruleId}::${m.message.replace(/%/g, '%25')}\n`));
    expect(r.stdout).toBe(expected.join(''));
    expect(r.stdout).toMatch(/^::error file=bad\.md,line=3,col=1,endLine=3,endColumn=18,title=no-as-i-said::.*As I already said.*$/m);
    expect(r.stdout).toMatch(/^::notice file=bad\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=require-thanks::/m);
    expect(r.stdout).toMatch(/^::warning file=/m);
  });

  it('escapes properties and data as @actions/core does', () => {
    const r = run(['-', '-f', 'github', '--stdin-filename', 'a,b:c%d.md'], { cwd: dir, input: BAD_EN });
    expect(r.stdout).toMatch(/^::error file=a%2Cb%3Ac%25d\.md,line=3,col=1,endLine=3,endColumn=18,title=no-as-i-said::/m);
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
  });

  it('prints nothing for a good reply', () => {
    expect(run(['good.md', '-f', 'github'], { cwd: dir }).stdout).toBe('');
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name), parseAttributeValue: false, parseTagValue: false, trimValues: false });
  type Failure = { message: string; type: string; '#text': string };
  type Case = { name: string; classname: string; failure?: Failure[] };
  type Suite = { name: string; tests: string; failures: string; errors: string; testcase?: Case[] };
  const parse = (xml: string) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml) as { testsuites: Suite & { testsuite: Suite[] } };
  };

  it('is one suite with a test case per file and a failure per problem; clean files pass', () => {
    const r = run(['fixtures', 'good.md', 'bad.md', '-f', 'junit'], { cwd: dir });
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const json = jsonOf(['fixtures', 'good.md', 'bad.md'], dir);
    const { testsuites } = parse(r.stdout);
    expect(testsuites.testsuite).toHaveLength(1);
    const [suite] = testsuites.testsuite;
    expect(suite.name).toBe('replylint');
    const failedFiles = json.filter((f) => f.messages.length).length;
    expect(json.length - failedFiles).toBeGreaterThan(0);
    for (const s of [suite, testsuites]) {
      expect(s.tests).toBe(String(json.length));
      expect(s.failures).toBe(String(failedFiles));
      expect(s.errors).toBe('0');
    }
    expect(suite.testcase!.map((c) => c.name)).toEqual(json.map((f) => f.filePath));
    expect(suite.testcase!.map((c) => c.classname)).toEqual(json.map((f) => f.filePath));
    expect(suite.testcase!.map((c) => c.failure?.length ?? 0)).toEqual(json.map((f) => f.messages.length));
    expect(suite.testcase!.find((c) => c.name === 'good.md')!.failure).toBeUndefined();

    const bad = suite.testcase!.find((c) => c.name === 'bad.md')!;
    const m = json.find((f) => f.filePath === 'bad.md')!.messages.find((x) => x.ruleId === 'no-as-i-said')!;
    const failure = bad.failure!.find((f) => f.message.startsWith('no-as-i-said: '))!;
    expect(failure).toMatchObject({ message: `no-as-i-said: ${m.message}`, type: 'error' });
    expect(failure['#text']).toBe(`bad.md:3:1: error: ${m.message} (no-as-i-said)\n→ ${m.suggestion}`);
    expect(bad.failure!.some((f) => f.type === 'info')).toBe(true);
    expect(bad.failure!.some((f) => f.type === 'warning')).toBe(true);
  });

  it('escapes &, <, >, quotes and drops what XML cannot hold', () => {
    const name = `we&ird <"name's">\u0001.md`;
    const r = run(['-', '-f', 'junit', '--stdin-filename', name], { cwd: dir, input: BAD_EN });
    const { testsuites } = parse(r.stdout);
    const [c] = testsuites.testsuite[0].testcase!;
    expect(c.name).toBe(`we&ird <"name's">\uFFFD.md`);
    expect(c.failure![0]['#text'].startsWith(`we&ird <"name's">\uFFFD.md:`)).toBe(true);
    expect(xmlAttr('a&b<c>"d\'e\tf\ng\rh\u0000i')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e&#9;f&#10;g&#13;h\uFFFDi');
    expect(xmlText('a&b<c>]]>d\r\n\u000B\uD800x😀')).toBe('a&amp;b&lt;c&gt;]]&gt;d&#13;\n\uFFFD\uFFFDx😀');
  });

  it('an all-clean run is a passing suite', () => {
    const { testsuites } = parse(run(['good.md', '-f', 'junit'], { cwd: dir }).stdout);
    expect(testsuites.testsuite[0]).toMatchObject({ tests: '1', failures: '0' });
    expect(testsuites.testsuite[0].testcase![0].failure).toBeUndefined();
  });
});

describe('--format markdown', () => {
  it('has a heading, the totals and a table row per problem', () => {
    const r = run(['bad.md', 'good.md', '-f', 'markdown'], { cwd: dir });
    const [bad] = jsonOf(['bad.md'], dir);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## replylint');
    const n = bad.messages.length;
    expect(r.stdout).toContain(`**${n} problems** (${bad.errorCount} error${bad.errorCount === 1 ? '' : 's'}, ${bad.warningCount} warning${bad.warningCount === 1 ? '' : 's'}, ${bad.infoCount} info${bad.infoCount === 1 ? '' : 's'}) in 1 of 2 files.`);
    const header = lines.indexOf('| File | Line | Severity | Rule | Message |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^\|(-+:?\|){5}$/);
    const rows = lines.slice(header + 2).filter(Boolean);
    expect(rows).toHaveLength(n);
    const m = bad.messages.find((x) => x.ruleId === 'no-as-i-said')!;
    expect(rows).toContain(`| bad.md | 3 | error | \`no-as-i-said\` | ${m.message} |`);
  });

  it('escapes | and line breaks in cells', () => {
    const r = run(['-', '-f', 'markdown', '--stdin-filename', 'a|b_c.md'], { cwd: dir, input: BAD_EN });
    expect(r.stdout).toMatch(/^\| a\\\|b\\_c\.md \| 3 \| error \| `no-as-i-said` \| /m);
    for (const row of r.stdout.split('\n').filter((l) => l.startsWith('| a'))) {
      // five cells: six unescaped pipes
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    }
    expect(cell('a|b\r\nc\nd <b>*e*</b>')).toBe('a\\|b<br>c<br>d \\<b\\>\\*e\\*\\</b\\>');
  });

  it('says so when there are no problems', () => {
    const r = run(['good.md', '-f', 'markdown'], { cwd: dir });
    expect(r.stdout).toBe('## replylint\n\nNo problems found in 1 file.\n');
    expect(r.code).toBe(0);
  });
});
