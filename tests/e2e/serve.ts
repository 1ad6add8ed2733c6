import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface FixtureServer {
  /** Base URL such as http://127.0.0.1:41234 */
  origin: string;
  /** Every path requested, in order: tests use it to prove what the page (not the extension) loaded. */
  requests: string[];
  /** Serves `body` at `path` in addition to the files on disk. */
  route(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * Serves `root` (default tests/fixtures) on 127.0.0.1 at a free port. `transformHtml` may rewrite each HTML
 * file as it is served (the robustness suite adds a sentence with glossary terms to pages it must not copy).
 */
export async function serveFixtures(
  root = resolve('tests/fixtures'),
  transformHtml?: (html: string) => string,
): Promise<FixtureServer> {
  const routes = new Map<string, { body: string; headers: Record<string, string> }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': types['.html']!, ...routed.headers });
      res.end(routed.body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (data) => {
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(transformHtml && extname(file) === '.html' ? transformHtml(data.toString('utf8')) : data);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, body, headers = {}) => routes.set(path, { body, headers }),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
