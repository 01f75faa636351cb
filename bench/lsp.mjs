#!/usr/bin/env node
/**
 * The language server's latency and memory.
 *
 *   node bench/lsp.mjs [edits=10000]
 *
 * 1. Re-lint latency: a 5 KB draft (bench corpus replies joined), linted the
 *    way the server lints an edited document (src/lsp/lint.ts, the built
 *    dist/cli/replylint.js's server code path), 300 times after a warm-up;
 *    the median and p95 in ms. Target: median under 10 ms.
 * 2. Memory over edits: the real server (`replylint lsp --stdio`) gets
 *    `edits` single-character edits of that draft, each followed by a hover
 *    (which lints the edited version at once, without waiting for the
 *    debounce); its resident set size (from /proc) after 1,000 edits and at
 *    the end. Target: flat (within 10%).
 *
 * Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ensureCorpus, ROOT } from './generate.mjs';

const EDITS = Number(process.argv[2] ?? 10_000);
const corpus = ensureCorpus(1000);
const replies = readdirSync(corpus.dir, { recursive: true }).filter((f) => f.endsWith('.md')).sort();
// A 5 KB draft: the bodies of English replies, front matter dropped, until 5,000 characters.
let draft = '';
for (const f of replies) {
  const text = readFileSync(join(corpus.dir, f), 'utf8').replace(/^---[^]*?---\n/, '');
  if (!/^(Hi|Dear|Hello)/m.test(text)) continue;
  draft += `${text}\n`;
  if (draft.length >= 5000) break;
}
draft = draft.slice(0, 5000);

const ws = mkdtempSync(join(tmpdir(), 'replylint-lsp-bench-'));
writeFileSync(join(ws, '.git'), '');
const file = join(ws, 'draft.md');
writeFileSync(file, draft);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const child = spawn(process.execPath, [join(ROOT, 'bin', 'replylint.js'), 'lsp', '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'inherit'] });
const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
rpc.onNotification('textDocument/publishDiagnostics', () => {});
rpc.onRequest('client/registerCapability', () => null);
rpc.listen();
await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: {} });
await rpc.sendNotification('initialized', {});
const uri = pathToFileURL(file).href;
await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });

// 1. Latency of one re-lint, seen from the client: an edit, then a hover that needs its result.
const lines = draft.split('\n');
const target = lines.findIndex((l) => l.length > 20);
let version = 1;
async function editAndLint(i) {
  version++;
  const ch = String.fromCharCode(97 + (i % 26));
  await rpc.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: target, character: 0 }, end: { line: target, character: 1 } }, text: ch }],
  });
  await rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: target, character: 0 } });
}
for (let i = 0; i < 50; i++) await editAndLint(i);
const times = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  await editAndLint(i);
  times.push(performance.now() - t);
}
// 2. Memory over many edits.
let rssAt1000 = 0;
for (let i = 0; i < EDITS; i++) {
  await editAndLint(i);
  if (i === 999) rssAt1000 = rss(child.pid);
}
const rssEnd = rss(child.pid);
await rpc.sendRequest('shutdown');
await rpc.sendNotification('exit');
console.log(
  JSON.stringify({
    draftChars: draft.length,
    relintMedianMs: Number(median(times).toFixed(2)),
    relintP95Ms: Number(p95(times).toFixed(2)),
    edits: EDITS,
    rssAt1000MB: Number(rssAt1000.toFixed(1)),
    rssEndMB: Number(rssEnd.toFixed(1)),
    rssGrowth: Number((rssEnd / rssAt1000).toFixed(3)),
  }),
);
