/**
 * The language server, through its real process: vitest spawns
 * `replylint lsp --stdio` and talks JSON-RPC to it, as an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, replyFiles, runCli } from './helpers.js';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface LspDiagnostic {
  range: Range;
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, TextEdit[]> };
  command?: unknown;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');


/** Apply LSP text edits (UTF-16 positions) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

class Client {
  readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  readonly published = new Map<string, LspDiagnostic[][]>();
  private waiters: (() => void)[] = [];

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p.diagnostics);
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.rpc.onRequest('client/registerCapability', () => null);
    this.rpc.listen();
  }

  /** The next diagnostics published for `uri` after `count` earlier ones. */
  async diagnostics(uri: string, count = 0, timeout = 10_000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      if (list.length > count) return list[list.length - 1];
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${timeout} ms`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  /** Wait until the latest diagnostics for `uri` satisfy `ok` (an editor shows the latest). */
  async until(uri: string, ok: (d: LspDiagnostic[]) => boolean, timeout = 10_000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const last = list[list.length - 1];
      if (last && ok(last)) return last;
      if (Date.now() > deadline) throw new Error(`diagnostics for ${uri} never became as expected: ${JSON.stringify(last?.map((d) => d.code))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }
}

let root: string;
let client: Client;
const opened = new Map<string, { text: string; version: number }>();

function open(path: string, languageId = path.endsWith('.txt') ? 'plaintext' : 'markdown'): string {
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  opened.set(uri, { text, version: 1 });
  void client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

function change(uri: string, text: string): void {
  const doc = opened.get(uri)!;
  doc.version++;
  doc.text = text;
  void client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
  cpSync(FIXTURES, join(root, 'fixtures'), { recursive: true });
  writeFileSync(join(root, '.git'), ''); // the top of the config search
  client = new Client(root);
  const init = (await client.rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} })) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  expect(init.serverInfo.name).toBe('replylint');
  expect(init.capabilities).toMatchObject({ hoverProvider: true, positionEncoding: 'utf-16', codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.replylint'] } });
  await client.rpc.sendNotification('initialized', {});
});

afterAll(async () => {
  if (!client) return;
  await client.rpc.sendRequest('shutdown');
  const exited = new Promise<number | null>((r) => client.child.on('exit', r));
  await client.rpc.sendNotification('exit');
  expect(await exited).toBe(0);
});

describe('replylint lsp', () => {
  it('publishes, for every fixture, the problems the CLI reports, at the same places', async () => {
    const cli = JSON.parse(runCli(['fixtures', '--format', 'json'], { cwd: root }).stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
    for (const file of replyFiles(join(root, 'fixtures'))) {
      const uri = open(file);
      const got = await client.diagnostics(uri);
      const want = cli.find((r) => r.filePath === relative(root, file))!;
      expect(got.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1])).toEqual(
        want.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]),
      );
      for (const d of got) {
        expect(d.source).toBe('replylint');
        expect(d.codeDescription?.href).toMatch(new RegExp(`docs/rules\\.md#${d.code}$`));
      }
      expect(got.map((d) => d.message.split('\n')[0])).toEqual(want.messages.map((m) => m.message));
    }
  });

  it('code actions are edits, never commands; applying every fix gives the --fix text; fix-all too', async () => {
    const file = join(root, 'fixtures', 'en', 'bad', 'plan-change.md');
    const uri = pathToFileURL(file).href;
    const diags = await client.diagnostics(uri);
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: diags } })) as CodeAction[];
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a.command).toBeUndefined();
      expect(a.edit?.changes?.[uri]?.length).toBeGreaterThan(0);
    }
    const fixed = runCli([relative(root, file), '--fix-dry-run', '--format', 'json'], { cwd: root });
    const want = (JSON.parse(fixed.stdout) as { output?: string }[])[0].output;
    expect(want).toBeDefined();
    const all = actions.find((a) => a.kind === 'source.fixAll.replylint')!;
    expect(applyEdits(opened.get(uri)!.text, all.edit!.changes[uri])).toBe(want);
    // The preferred quick fixes are the safe fixes: one per fixable problem.
    const preferred = actions.filter((a) => a.isPreferred);
    expect(preferred.length).toBeGreaterThan(0);
    expect(preferred.every((a) => a.kind === 'quickfix' && a.title.startsWith('Fix: '))).toBe(true);
    // Only fix-all when asked for it.
    const onlyAll = (await client.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(onlyAll.map((a) => a.kind)).toEqual(['source.fixAll.replylint']);
  });

  it('a suggested rewrite is offered as an edit of the writer’s sentence', async () => {
    const file = join(root, 'fixtures', 'en', 'bad', 'refund-refused.md');
    const uri = pathToFileURL(file).href;
    const diags = await client.diagnostics(uri);
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: diags } })) as CodeAction[];
    const rewrites = actions.filter((a) => a.title.startsWith('Rewrite: '));
    expect(rewrites.length).toBeGreaterThan(0);
    const text = opened.get(uri)!.text;
    for (const r of rewrites) expect(applyEdits(text, r.edit!.changes[uri])).not.toBe(text);
  });

  it('the disable comment clears that diagnostic, and a change re-lints', async () => {
    const file = join(root, 'fixtures', 'nl', 'bad', 'abc-netwerk.md');
    const uri = pathToFileURL(file).href;
    const diags = await client.diagnostics(uri);
    const target = diags.find((d) => d.code !== 'require-apology' && d.code !== 'require-thanks' && d.code !== 'require-acknowledgement' && d.code !== 'require-next-step')!;
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as CodeAction[];
    const disable = actions.find((a) => a.title === `Disable ${target.code} on this line`)!;
    const before = client.count(uri);
    change(uri, applyEdits(opened.get(uri)!.text, disable.edit!.changes[uri]));
    const after = await client.diagnostics(uri, before);
    const same = (d: LspDiagnostic) => d.code === target.code && d.range.start.line === target.range.start.line + 1;
    expect(after.some(same)).toBe(false);
    expect(after.length).toBe(diags.length - diags.filter((d) => d.code === target.code && d.range.start.line === target.range.start.line).length);
  });

  it('hover shows the message, the rewrite and why', async () => {
    const file = join(root, 'fixtures', 'en', 'bad', 'refund-refused.md');
    const uri = pathToFileURL(file).href;
    const diags = await client.diagnostics(uri);
    const d = diags.find((x) => !x.code.startsWith('require-'))!;
    const hover = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as { contents: { kind: string; value: string } };
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain(d.message.split('\n')[0]);
    expect(hover.contents.value).toContain(`(${d.code})`.replace('(', '').replace(')', ''));
    expect(hover.contents.value).toMatch(/\n> — /);
  });

  it('an unsaved document is linted with the workspace config', async () => {
    const uri = 'untitled:Untitled-1';
    opened.set(uri, { text: 'Hi Sam,\n\nAs I already said, check our website.\n', version: 1 });
    void client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: opened.get(uri)!.text } });
    const got = await client.diagnostics(uri);
    expect(got.map((d) => d.code)).toEqual(expect.arrayContaining(['no-as-i-said', 'no-website-deflection']));
  });

  it('a config change re-lints the open documents', async () => {
    const file = join(root, 'fixtures', 'en', 'bad', 'lost-parcel.txt');
    const uri = open(file);
    const before = await client.diagnostics(uri);
    const rule = before[0].code;
    writeFileSync(join(root, '.replylintrc.yaml'), `rules:\n  ${rule}: off\n`);
    void client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.replylintrc.yaml')).href, type: 1 }] });
    const after = await client.until(uri, (ds) => !ds.some((d) => d.code === rule));
    expect(after.map((d) => d.code)).toEqual(before.filter((d) => d.code !== rule).map((d) => d.code));
  });

  it('works with no workspace root at all, from the folder it was started in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-lsp-noroot-'));
    writeFileSync(join(dir, '.git'), '');
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  no-as-i-said: off\n');
    const bare = new Client(dir);
    try {
      await bare.rpc.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await bare.rpc.sendNotification('initialized', {});
      const uri = 'untitled:draft';
      void bare.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Hi Sam,\n\nAs I already said, check our website.\n' } });
      const got = await bare.diagnostics(uri);
      expect(got.map((d) => d.code)).toContain('no-website-deflection');
      expect(got.map((d) => d.code)).not.toContain('no-as-i-said');
      // Saving lints at once (no debounce), and the result follows the text.
      void bare.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Hi Sam,\n\nPlease check our website.\n' }] });
      const n = bare.count(uri);
      void bare.rpc.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const saved = await bare.diagnostics(uri, n);
      expect(saved.map((d) => d.code)).toContain('no-website-deflection');
    } finally {
      await bare.rpc.sendRequest('shutdown');
      void bare.rpc.sendNotification('exit');
    }
  });
});
