// A small static server for www/: the demo, the end-to-end tests and the
// benchmark all use it. Node's standard library only.
//
//   node scripts/serve.mjs [--port 8000] [--host 127.0.0.1] [--root www]
//
// As a module, `serve({ root, port, routes, headers })` returns
// { server, url, close() }. `routes` maps a path to a handler (req, res) so
// tests can add failing or slow endpoints; `headers(path)` adds response
// headers (e.g. a Content-Security-Policy).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export async function serve({ root = "www", port = 0, host = "127.0.0.1", routes = {}, headers = () => ({}) } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    try {
      if (routes[path]) return await routes[path](req, res);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers(path),
      });
      res.end(body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(error.code === "ENOENT" ? 404 : 500, { "content-type": "text/plain" });
      res.end(error.code === "ENOENT" ? `not found: ${path}` : String(error));
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const url = `http://${host}:${server.address().port}`;
  return { server, url, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve({
    root: arg("root", "www"),
    port: Number(arg("port", process.env.PORT ?? 8000)),
    host: arg("host", "127.0.0.1"),
  });
  console.log(`serving ${arg("root", "www")} at ${url}/  (Ctrl-C to stop)`);
}
