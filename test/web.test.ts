/**
 * `replylint web` in a real browser: Debian's headless Chromium, driven by
 * Playwright, on the page the real command serves. The page must underline
 * what the CLI reports, fix as --fix does, move between problems from the
 * keyboard, keep the draft in the URL fragment and never make a request
 * outside its own origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
  console.warn(`[replylint tests] SKIPPED test/web.test.ts: ${CHROMIUM} is not installed (apt-get install chromium)`);
}

const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface CliMessage {
  ruleId: string;
  line: number;
  column: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}
interface CliFile {
  filePath: string;
  language: string;
  situation: { situation: string; upset: boolean; refusal: boolean };
  messages: CliMessage[];
  output?: string;
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixtureFiles(join(dir, e.name)) : /\.(md|markdown|txt)$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

const FIXTURES = fixtureFiles(join(ROOT, 'fixtures')).map((f) => relative(ROOT, f));

function cliReports(args: string[]): Map<string, CliFile> {
  const r = runCli(['fixtures', '--format', 'json', ...args], { cwd: ROOT });
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return new Map((JSON.parse(r.stdout) as CliFile[]).map((f) => [f.filePath, f]));
}

/** Start the real `replylint web` and wait for the URL it prints: [process, origin]. */
function startWeb(args: string[]): Promise<[ChildProcess, string]> {
  const server = spawn(process.execPath, [BIN, 'web', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /^replylint web: (http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(out);
      if (m) resolve([server, m[1]]);
    });
    server.once('exit', (code) => reject(new Error(`replylint web exited (${code}) before printing its URL: ${out}`)));
    setTimeout(() => reject(new Error(`replylint web printed no URL in 10 s: ${out}`)), 10_000);
  });
}

describe.skipIf(!HAVE_CHROMIUM)('replylint web in Chromium', () => {
  let server: ChildProcess;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  let lint: Map<string, CliFile>;
  let fixed: Map<string, CliFile>;
  let started: number;

  beforeAll(async () => {
    started = Date.now();
    lint = cliReports([]);
    fixed = cliReports(['--fix-dry-run']);
    [server, origin] = await startWeb(['--port', '0']);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    console.log(`[replylint tests] test/web.test.ts: browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  async function newPage(url = `${origin}/`): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    p.setDefaultTimeout(10_000);
    p.on('request', (r) => requests.push(r.url()));
    p.on('pageerror', (e) => pageErrors.push(e.message));
    await p.goto(url);
    await p.waitForSelector('#draft .cm-content');
    return p;
  }

  const draftText = (p: Page) => p.evaluate(() => (window as unknown as { replylint: { draftText(): string } }).replylint.draftText());

  /** Wait until the problem list is the lint of the text now in the draft. */
  async function settled(p: Page, text: string): Promise<void> {
    await p.waitForFunction(
      (want) => (window as unknown as { replylint: { draftText(): string } }).replylint.draftText() === want && !document.querySelector('#problems[aria-busy]'),
      text,
      { timeout: 15_000 },
    );
  }

  /** Paste `text` over the draft, as a writer does (a paste event on the editor). */
  async function paste(p: Page, text: string, fileType: 'markdown' | 'text' = 'markdown'): Promise<void> {
    await p.selectOption('#filetype', fileType);
    await p.click('#draft .cm-content');
    await p.keyboard.press('Control+A');
    await p.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.querySelector('#draft .cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await settled(p, text);
  }

  const underlined = (p: Page) =>
    p.$$eval('#problems li[data-rule]', (items) => items.map((li) => `${(li as HTMLElement).dataset.rule}@${(li as HTMLElement).dataset.line}:${(li as HTMLElement).dataset.column}`));
  const expected = (file: string) => lint.get(file)!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
  const typeOf = (file: string) => (file.endsWith('.txt') ? 'text' : 'markdown');

  it.each(FIXTURES)('%s: the page underlines what the CLI reports, in order, and sees the same language and situation', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    await paste(page, text, typeOf(file));
    expect(await underlined(page)).toEqual(expected(file));
    // The editor's own lint state holds the same problems (what CodeMirror underlines).
    const marks = await page.$$eval('#draft .cm-lintRange', (els) => els.length);
    expect(marks > 0).toBe(lint.get(file)!.messages.length > 0);
    const cli = lint.get(file)!;
    expect(await page.getAttribute('#status-lang', 'data-lang')).toBe(cli.language);
    expect(await page.getAttribute('#status-situation', 'data-situation')).toBe(cli.situation.situation);
    expect(await page.getAttribute('#status-situation', 'data-upset')).toBe(String(cli.situation.upset));
    expect(await page.getAttribute('#status-situation', 'data-refusal')).toBe(String(cli.situation.refusal));
    expect(await page.getAttribute('#status-register', 'data-register')).toMatch(/^(formal|informal)$/);
    const n = cli.messages.length;
    expect(await page.textContent('#count')).toMatch(n ? new RegExp(`^${n} problems?:`) : /^No problems/);
  });

  it.each(FIXTURES)('%s: "Fix all" gives the --fix text', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    await paste(page, text, typeOf(file));
    const want = fixed.get(file)!.output ?? text;
    if (await page.isEnabled('#fix-all')) await page.click('#fix-all');
    await settled(page, want);
    expect(await draftText(page)).toBe(want);
  });

  it('clicking one fix applies that fix, as the CLI describes it; clicking them one by one gives the --fix text', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    const text = readFileSync(join(ROOT, file), 'utf8');
    await paste(page, text);
    const cli = lint.get(file)!;
    const first = cli.messages.findIndex((m) => m.fix);
    expect(first).toBeGreaterThanOrEqual(0);
    const { range, text: insert } = cli.messages[first].fix!;
    await page.click(`#problems li[data-index="${first}"] button[data-action="fix"]`);
    const want = text.slice(0, range[0]) + insert + text.slice(range[1]);
    await settled(page, want);
    expect(await draftText(page)).toBe(want);
    for (let i = 0; i < 20 && (await page.$('#problems button[data-action="fix"]')); i++) {
      const before = await draftText(page);
      await page.click('#problems button[data-action="fix"] >> nth=0');
      await page.waitForFunction((b) => (window as unknown as { replylint: { draftText(): string } }).replylint.draftText() !== b, before);
      await settled(page, await draftText(page));
    }
    expect(await draftText(page)).toBe(fixed.get(file)!.output);
  });

  it('a suggested rewrite is applied by its button', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    const text = readFileSync(join(ROOT, file), 'utf8');
    await paste(page, text);
    const index = await page.$eval('#problems', (ol) => (ol.querySelector('li:has(button[data-action="rewrite"])') as HTMLElement | null)?.dataset.index);
    expect(index).toBeDefined();
    await page.click(`#problems li[data-index="${index}"] button[data-action="rewrite"] >> nth=0`);
    await page.waitForFunction((t) => (window as unknown as { replylint: { draftText(): string } }).replylint.draftText() !== t, text);
    // The rewrite is the one the CLI offers for that problem.
    const s = lint.get(file)!.messages[Number(index)].suggestions![0].fix;
    expect(await draftText(page)).toBe(text.slice(0, s.range[0]) + s.text + text.slice(s.range[1]));
  });

  it('F8 and Alt-] move the selection to the next problem, Shift-F8 and Alt-[ to the previous; the problem is announced', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    const text = readFileSync(join(ROOT, file), 'utf8');
    await paste(page, text);
    const ranges = await page.$$eval('#problems li[data-rule]', (items) => items.map((li) => [Number((li as HTMLElement).dataset.from), Number((li as HTMLElement).dataset.to)] as [number, number]));
    // CodeMirror visits problems by position; the first after the cursor at the start of the draft.
    const starts = [...new Map(ranges.map((r) => [`${r[0]}`, r])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    await page.click('#draft .cm-content');
    await page.keyboard.press('Control+Home');
    const selection = () => page.evaluate(() => window.getSelection()!.toString());
    await page.keyboard.press('F8');
    expect(await selection()).toBe(text.slice(starts[0][0], starts[0][1]));
    await expect.poll(() => page.textContent('#current')).toMatch(/^Problem \d+ of \d+, line \d+: /);
    await page.keyboard.press('F8');
    const second = starts.find((r) => r[0] > starts[0][0])!;
    expect(await selection()).toBe(text.slice(second[0], second[1]));
    await page.keyboard.press('Shift+F8');
    expect(await selection()).toBe(text.slice(starts[0][0], starts[0][1]));
    await page.keyboard.press('Alt+BracketRight');
    expect(await selection()).toBe(text.slice(second[0], second[1]));
    await page.keyboard.press('Alt+BracketLeft');
    expect(await selection()).toBe(text.slice(starts[0][0], starts[0][1]));
    // The lint tooltip opens on the problem: message, rewrite and why.
    await page.waitForSelector('.cm-tooltip-lint .rl-problem .why');
  });

  it('the draft round-trips through the URL fragment', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/nl/bad/klacht.txt'), 'utf8');
    await paste(page, text, 'text');
    await page.waitForFunction(() => location.hash.startsWith('#draft='));
    await page.waitForFunction((t) => new URLSearchParams(location.hash.slice(1)).get('draft') === t, text);
    const url = page.url();
    expect(new URLSearchParams(new URL(url).hash.slice(1)).get('type')).toBe('text');
    const other = await newPage(url);
    await settled(other, text);
    expect(await draftText(other)).toBe(text);
    expect(await other.inputValue('#filetype')).toBe('text');
    expect(await underlined(other)).toEqual(expected('fixtures/nl/bad/klacht.txt'));
    await other.close();
  });

  it('a team config: its errors are shown at line and column, as the CLI reports them; a valid one applies', async () => {
    const bad = 'language: en\nrules:\n  no-as-i-sed: error\n';
    const dir = mkdtempSync(join(tmpdir(), 'replylint-web-'));
    writeFileSync(join(dir, '.replylintrc.yaml'), bad);
    writeFileSync(join(dir, 'draft.md'), 'Hi,\n\nAs I said, it is fine.\n');
    const cli = runCli(['draft.md'], { cwd: dir });
    const m = /\.replylintrc\.yaml:(\d+):(\d+): (.*)/.exec(cli.stderr);
    expect(m, cli.stderr).not.toBeNull();
    const setConfig = async (t: string) => {
      await page.click('#config .cm-content');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(t);
    };
    await setConfig(bad);
    const item = await page.waitForSelector('#config-errors li.sev-error');
    expect(await item.getAttribute('data-line')).toBe(m![1]);
    expect(await item.getAttribute('data-column')).toBe(m![2]);
    expect(await item.textContent()).toBe(`Line ${m![1]}, column ${m![2]}: ${m![3]}`);

    const text = readFileSync(join(ROOT, 'fixtures/en/bad/refund-refused.md'), 'utf8');
    await paste(page, text);
    expect(await underlined(page)).toContain('no-as-i-said@10:1');
    await setConfig('rules:\n  no-as-i-said: "off"\n');
    await page.waitForFunction(() => !document.querySelector('#config-errors li') && !document.querySelector('#problems li[data-rule="no-as-i-said"]'));
    expect((await underlined(page)).length).toBe(expected('fixtures/en/bad/refund-refused.md').length - 1);
    expect(await page.isChecked('#rule-no-as-i-said')).toBe(false);
    await setConfig('');
    await page.waitForSelector('#problems li[data-rule="no-as-i-said"]');
  });

  it('a rule switched off by its checkbox is no longer underlined', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    await paste(page, readFileSync(join(ROOT, file), 'utf8'));
    await page.uncheck('#rule-no-policy-wall');
    await page.waitForFunction(() => !document.querySelector('#problems li[data-rule="no-policy-wall"]'));
    expect(await underlined(page)).toEqual(expected(file).filter((k) => !k.startsWith('no-policy-wall@')));
    await page.check('#rule-no-policy-wall');
    await page.waitForSelector('#problems li[data-rule="no-policy-wall"]');
  });

  it('a screenshot of the page with a bad fixture (test-artifacts/web-bad-fixture.png)', async () => {
    const file = 'fixtures/en/bad/refund-refused.md';
    const shot = await newPage();
    await paste(shot, readFileSync(join(ROOT, file), 'utf8'));
    // The pointer on one underline: its message, rewrite and why.
    await shot.hover('#draft .cm-lintRange:has-text("check")');
    await shot.waitForSelector('.cm-tooltip-lint');
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'web-bad-fixture.png');
    await shot.screenshot({ path });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    // `UPDATE_DOCS=1 npx vitest run test/web.test.ts` regenerates the README's picture.
    if (process.env.UPDATE_DOCS) copyFileSync(path, join(ROOT, 'docs', 'web.png'));
    await shot.close();
  });

  it('no request leaves the page’s origin, and the page raised no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('replylint web: the static server', () => {
  let server: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    [server, origin] = await startWeb([]);
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  /** A raw request: the path is sent as written (fetch would resolve `..`). */
  const get = (path: string, method = 'GET') =>
    new Promise<{ status: number; type?: string; body: string; csp?: string }>((resolve, reject) => {
      const url = new URL(origin);
      const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body, csp: res.headers['content-security-policy'] as string | undefined }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the page’s files with their types, and nothing else', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(index.csp).toContain("connect-src 'none'");
    expect(await get('/index.html')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('/app.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await get('/app.js')).body).not.toMatch(/\bfrom\s*["']node:|import\(["']node:/);
    for (const path of ['/nope.js', '/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '//etc/passwd', '/web/index.html', '/dist/web/app.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('refuses a bad --port', () => {
    const r = runCli(['web', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be a number/);
  });
});
