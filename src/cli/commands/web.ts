/**
 * `replylint web`: serve the page (dist/web/, built by scripts/build-web.mjs)
 * on 127.0.0.1 until SIGINT or SIGTERM. A tiny static server: only the files
 * the build wrote, by exact name; anything else is a 404.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EXIT, UsageError, type Io } from '../io.js';

export interface WebOptions {
  port?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The same policy as the page's own <meta> (a header also covers what the meta cannot, such as frame-ancestors). */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** dist/web/ from here: this module runs from dist/cli/commands/ (tsc) or inside the dist/cli/ bundle. */
function webDir(): string {
  for (const rel of ['../../web/', '../web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new UsageError('the page is not built (no dist/web/index.html): run npm run build');
}

/** The page's files, read once: name -> [content type, bytes]. Serving a name from this map can never leave the folder. */
function loadFiles(dir: string): Map<string, [string, Buffer]> {
  const files = new Map<string, [string, Buffer]>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const ext = /\.[a-z]+$/.exec(entry.name)?.[0] ?? '';
    if (!entry.isFile() || !TYPES[ext]) continue;
    files.set(`/${entry.name}`, [TYPES[ext], readFileSync(`${dir}${entry.name}`)]);
  }
  return files;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (0: any free port), not "${value}"`);
  return port;
}

export async function runWeb(opts: WebOptions, io: Io): Promise<number> {
  const port = parsePort(opts.port);
  const files = loadFiles(webDir());
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      path = '';
    }
    if (path === '/') path = '/index.html';
    const file = files.get(path);
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file[0], 'Content-Length': file[1].length });
    res.end(req.method === 'HEAD' ? undefined : file[1]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  }).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot listen on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`);
  });
  const { port: bound } = server.address() as AddressInfo;
  io.stdout(`replylint web: http://127.0.0.1:${bound}/\n`);
  io.stderr('Press Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}
