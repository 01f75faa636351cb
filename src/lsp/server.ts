/**
 * `replylint lsp`: a language server over stdio, for any editor with an LSP
 * client (Neovim, Helix, VS Code with a generic client, ...).
 *
 * - Diagnostics for Markdown and plain-text documents, on open, on change
 *   (debounced) and on save; `code` is the rule id, linked to its section in
 *   docs/rules.md; hover shows the message, the rewrite and why.
 * - Code actions are always ready-to-apply WorkspaceEdits, never client-side
 *   commands: the safe fix (preferred), each suggested rewrite, a comment that
 *   disables the rule on that line, and `source.fixAll.replylint`.
 * - Config is resolved per document, exactly as the CLI resolves it, with or
 *   without a workspace root and for unsaved documents; a change to a
 *   `.replylintrc.yaml` re-lints every open document.
 * - Positions are UTF-16 code units, the LSP default, as replylint's are.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../cli/io.js';
import { BOM } from '../core/text.js';
import { DocumentLinter, type LintedDocument, type LintedMessage } from './lint.js';

/** Re-lint this long after the last keystroke. */
export const DEBOUNCE_MS = 200;
export const FIX_ALL = `${CodeActionKind.SourceFixAll}.replylint`;
const CONFIG_NAMES = ['.replylintrc.yaml', '.replylintrc.yml'];
const LINTED_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'mail', 'gitcommit']);
const LINTED_EXTENSIONS = /\.(?:md|markdown|mdx|txt|text|eml)$/i;

interface DocState {
  /** The version last linted, and what it gave. */
  version: number;
  result?: LintedDocument;
  timer?: NodeJS.Timeout;
}

export interface ServerOptions {
  /** Where rule ids link to: the rules page (its #anchors are the rule ids). */
  rulesDoc?: string;
}

/** Serve one connection until the client says exit. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const state = new Map<string, DocState>();
  let root = process.cwd();
  let linter = new DocumentLinter(root);
  let watchFiles = false;
  const watchers = new Map<string, FSWatcher>();
  const rulesDoc = options.rulesDoc ?? pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules.md')).href;

  /** A file path for the config lookup: the document's own, or (unsaved) a name in the workspace root. */
  const pathOf = (uri: string): string => {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const name = decodeURIComponent(uri.replace(/^[a-z-]+:/i, '').split('/').pop() || 'untitled');
    return join(root, LINTED_EXTENSIONS.test(name) ? name : `${name}.md`);
  };
  const linted = (doc: TextDocument) => LINTED_LANGUAGES.has(doc.languageId) || LINTED_EXTENSIONS.test(doc.uri);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    else if (params.rootPath) root = params.rootPath;
    linter = new DocumentLinter(root);
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL], resolveProvider: false },
      },
      serverInfo: { name: 'replylint', version: version() },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_NAMES.map((n) => ({ globPattern: `**/${n}` })) });
    }
  });

  /** Lint the document as it is now and publish; a newer version meanwhile wins (the next run publishes). */
  async function publish(doc: TextDocument): Promise<void> {
    const st = state.get(doc.uri);
    if (!st) return;
    clearTimeout(st.timer);
    st.timer = undefined;
    const version = doc.version;
    let result: LintedDocument;
    try {
      result = await linter.lint(doc.getText(), pathOf(doc.uri));
    } catch (e) {
      // A broken config: say so at the top of the document, with the file and place it names.
      result = { messages: [], error: (e as Error).message };
    }
    if (documents.get(doc.uri)?.version !== version || state.get(doc.uri) !== st) return;
    st.version = version;
    st.result = result;
    const diagnostics = result.error ? [configDiagnostic(result.error)] : result.messages.map((m) => toDiagnostic(m, doc, rulesDoc));
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number): void {
    if (!linted(doc)) return;
    let st = state.get(doc.uri);
    if (!st) state.set(doc.uri, (st = { version: -1 }));
    clearTimeout(st.timer);
    st.timer = delay ? setTimeout(() => void publish(documents.get(doc.uri) ?? doc), delay) : undefined;
    if (!delay) void publish(doc);
  }

  /** Config changed: drop what was resolved, lint every open document again (once for a burst of changes: a save is often several events). */
  let reloading: NodeJS.Timeout | undefined;
  function reloadConfig(): void {
    clearTimeout(reloading);
    reloading = setTimeout(() => {
      linter = new DocumentLinter(root);
      for (const doc of documents.all()) schedule(doc, 0);
    }, 50);
  }

  /** Without client-side watching: watch the folders from each open document up to its root for config files. */
  function watchConfigsFor(doc: TextDocument): void {
    if (watchFiles || !doc.uri.startsWith('file:')) return;
    let dir = dirname(fileURLToPath(doc.uri));
    for (;;) {
      if (!watchers.has(dir)) {
        try {
          const w = watch(dir, { persistent: false }, (_event, name) => {
            if (name && CONFIG_NAMES.includes(String(name))) reloadConfig();
          });
          w.on('error', () => {});
          watchers.set(dir, w);
        } catch {
          // an unreadable folder: nothing to watch
        }
      }
      const parent = dirname(dir);
      if (parent === dir || existsSync(join(dir, '.git'))) break;
      dir = parent;
    }
  }

  documents.onDidOpen(({ document }) => {
    watchConfigsFor(document);
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    // The first content event of an open document comes with onDidOpen, linted at once.
    if (state.get(document.uri)?.version === -1) return;
    schedule(document, DEBOUNCE_MS);
  });
  documents.onDidSave(({ document }) => {
    if (CONFIG_NAMES.some((n) => document.uri.endsWith(`/${n}`))) reloadConfig();
    else schedule(document, 0);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(state.get(document.uri)?.timer);
    state.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(() => reloadConfig());

  /** The messages of the latest lint, linting first if the document changed since (hover and code actions need its current state). */
  const current = async (uri: string): Promise<{ doc: TextDocument; messages: LintedMessage[] } | undefined> => {
    const doc = documents.get(uri);
    const st = state.get(uri);
    if (!doc || !st) return undefined;
    if (st.version !== doc.version || !st.result) await publish(doc);
    return { doc, messages: state.get(uri)?.result?.messages ?? [] };
  };

  connection.onHover(async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const at = cur.doc.offsetAt(position);
    const here = cur.messages.filter((m) => {
      const [s, e] = span(m, cur.doc);
      return s <= at && at <= e;
    });
    if (!here.length) return null;
    return { contents: { kind: 'markdown', value: here.map((m) => hoverText(m, rulesDoc)).join('\n\n---\n\n') } };
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return [];
    const { doc, messages } = cur;
    const uri = doc.uri;
    const only = context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const from = doc.offsetAt(range.start);
      const to = doc.offsetAt(range.end);
      for (const m of messages) {
        const [s, e] = span(m, doc);
        if (e < from || s > to) continue;
        const diagnostic = toDiagnostic(m, doc, rulesDoc);
        const edit = (fix: { range: [number, number]; text: string }) => ({ changes: { [uri]: [textEdit(doc, fix)] } });
        if (m.fix) actions.push({ title: `Fix: ${describeFix(doc, m.fix)}`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: edit(m.fix) });
        for (const s of m.suggestions ?? []) actions.push({ title: `Rewrite: ${s.desc}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(s.fix) });
        actions.push({ title: `Disable ${m.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [disableEdit(doc, m)] } } });
      }
    }
    if (wants(FIX_ALL) && (only || messages.some((m) => m.fix))) {
      const fixed = await linter.fix(doc.getText(), pathOf(uri));
      if (fixed !== undefined && fixed !== doc.getText()) {
        actions.push({ title: 'Fix all replylint problems that have a safe fix', kind: FIX_ALL, edit: { changes: { [uri]: [{ range: { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) }, newText: fixed }] } } });
      }
    }
    return actions;
  });

  connection.onShutdown(() => {
    clearTimeout(reloading);
    for (const w of watchers.values()) w.close();
    for (const st of state.values()) clearTimeout(st.timer);
  });

  documents.listen(connection);
  connection.listen();
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** The BOM is not part of replylint's offsets; an editor may keep it in the text. */
const bomOf = (doc: TextDocument) => (doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === BOM ? 1 : 0);

/** A message's [start, end) as offsets into the editor's text (lines and UTF-16 columns are 1-based, after any BOM). */
function span(m: LintedMessage, doc: TextDocument): [number, number] {
  const bom = bomOf(doc);
  const at = (line: number, column: number) => doc.offsetAt({ line: line - 1, character: column - 1 + (line === 1 ? bom : 0) });
  return [at(m.line, m.column), at(m.endLine, m.endColumn)];
}

function textEdit(doc: TextDocument, fix: { range: [number, number]; text: string }): TextEdit {
  const bom = bomOf(doc);
  return { range: { start: doc.positionAt(fix.range[0] + bom), end: doc.positionAt(fix.range[1] + bom) }, newText: fix.text };
}

function describeFix(doc: TextDocument, fix: { range: [number, number]; text: string }): string {
  const bom = bomOf(doc);
  const old = doc.getText().slice(fix.range[0] + bom, fix.range[1] + bom).replace(/\s+/g, ' ').trim();
  const neu = fix.text.replace(/\s+/g, ' ').trim();
  if (!neu) return `remove “${old}”`;
  if (!old) return `insert “${neu}”`;
  return `“${old}” → “${neu}”`;
}

/** `<!-- replylint-disable-next-line id -->` on its own line above the problem's line, indented as it is. */
function disableEdit(doc: TextDocument, m: LintedMessage): TextEdit {
  const [s] = span(m, doc);
  const line = doc.positionAt(s).line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = /\r\n$/.test(text) || (!/\n$/.test(text) && doc.getText().includes('\r\n')) ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- replylint-disable-next-line ${m.ruleId} -->${eol}` };
}

function toDiagnostic(m: LintedMessage, doc: TextDocument, rulesDoc: string): LspDiagnostic {
  const [s, e] = span(m, doc);
  return {
    range: { start: doc.positionAt(s), end: doc.positionAt(e) },
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    ...(m.ruleId !== 'unused-disable-directive' && { codeDescription: { href: `${rulesDoc}#${m.ruleId}` } }),
    source: 'replylint',
    message: m.suggestion ? `${m.message}\nInstead: ${m.suggestion}` : m.message,
  };
}

function configDiagnostic(error: string): LspDiagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'replylint', message: error };
}

function hoverText(m: LintedMessage, rulesDoc: string): string {
  const parts = [`**${m.message}** ([${m.ruleId}](${rulesDoc}#${m.ruleId}))`];
  if (m.suggestion) parts.push(`Instead: ${m.suggestion}`);
  for (const w of m.why ?? []) parts.push(`> ${w.quote}\n>\n> — ${w.article}`);
  return parts.join('\n\n');
}

/** `replylint lsp`: serve over stdin and stdout until the client says exit (the library then ends the process). */
export function runLsp(): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection);
  return new Promise(() => {});
}
