// A tiny static file server for a built site, bound to 127.0.0.1 on a
// random port, as a plain static host would serve it: folders answer with
// their index.html, a folder without its trailing slash is redirected to it,
// and a missing path gets 404.html with status 404.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** contentType returns the Content-Type header for a file name. */
export function contentType(name) {
  if (path.basename(name) === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  return types[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

async function stat(p) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/**
 * serve starts a server for the folder root and resolves to
 * {server, origin, log}: log records every request as {method, path, status}.
 */
export async function serve(root) {
  root = path.resolve(root);
  const log = [];
  const server = http.createServer(async (req, res) => {
    const send = (status, headers, body) => {
      log.push({ method: req.method, path: req.url, status });
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { 'content-type': 'text/plain', allow: 'GET, HEAD' }, 'method not allowed\n');
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let rel;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        return send(400, { 'content-type': 'text/plain' }, 'bad path\n');
      }
      let file = path.join(root, rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        return send(403, { 'content-type': 'text/plain' }, 'forbidden\n');
      }
      let st = await stat(file);
      if (st?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          return send(301, { location: url.pathname + '/' + url.search }, '');
        }
        file = path.join(file, 'index.html');
        st = await stat(file);
      }
      if (st?.isFile()) {
        return send(200, { 'content-type': contentType(file), 'content-length': st.size }, await fs.readFile(file));
      }
      const notFound = path.join(root, '404.html');
      if (await stat(notFound)) {
        return send(404, { 'content-type': types['.html'] }, await fs.readFile(notFound));
      }
      return send(404, { 'content-type': 'text/plain' }, 'not found\n');
    } catch (err) {
      return send(500, { 'content-type': 'text/plain' }, String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, log, close: () => new Promise((r) => server.close(r)) };
}
