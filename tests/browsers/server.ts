// The built site for the Firefox and WebKit tests: scripts/serve.mjs, behind a
// test-only wrapper that lets a test hear what a browser would only say in its
// console. WebDriver gives WebKit no console, so the wrapper
//  - adds `report-uri /__csp-report` to the Content-Security-Policy header, so
//    every violation is posted here;
//  - adds one same-origin script, /__probe.js, to the top of every HTML page,
//    which posts uncaught errors, unhandled rejections and console.error calls
//    to /__report (script-src 'self' allows it: the policy is not loosened);
//  - records every answer of 400 or more.
// Only this test server does this: dist/ is never changed.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { freePort } from '../../scripts/lib/free-port.ts';

export interface Report {
  kind: string;
  message: string;
  page: string;
}

export interface TestServer {
  base: string;
  /** What browsers reported, and failed requests, since the last `take()`. */
  take(): Report[];
  /** Waits until every report a page has queued has arrived (a beacon sent after them comes back). */
  settle(mark: string): Promise<void>;
  close(): Promise<void>;
}

// Once the page starts to unload, a fetch it had started is cut off by the
// test moving on (WebKit rejects it: "Load failed"): no reader sees that.
const PROBE = `(() => {
  let leaving = false;
  for (const e of ['beforeunload', 'pagehide']) addEventListener(e, () => { leaving = true; });
  const send = (kind, message) => leaving || navigator.sendBeacon('/__report', JSON.stringify({ kind, message: String(message), page: location.pathname + location.hash }));
  addEventListener('error', (e) => { if (e instanceof ErrorEvent) send('uncaught error', e.error?.stack ?? e.message); });
  addEventListener('unhandledrejection', (e) => send('unhandled rejection', \`\${e.reason}\n\${e.reason?.stack ?? ''}\`));
  const error = console.error;
  console.error = (...args) => { send('console.error', args.join(' ')); error.apply(console, args); };
})();
`;

export async function startTestServer(): Promise<TestServer> {
  const innerPort = await freePort();
  const inner: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(innerPort)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let innerError = '';
  inner.stderr!.on('data', (d) => (innerError += d));
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://127.0.0.1:${innerPort}/`);
      break;
    } catch {
      if (inner.exitCode !== null || i > 600) throw new Error(`scripts/serve.mjs did not start: ${innerError}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let reports: Report[] = [];
  const marks = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/__probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(PROBE);
    }
    if (req.method === 'POST' && (url === '/__report' || url === '/__csp-report')) {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (url === '/__csp-report')
          reports.push({ kind: 'CSP violation', message: body, page: req.headers.referer ?? '' });
        else {
          const r = JSON.parse(body) as Report;
          if (r.kind === 'mark') marks.add(r.message);
          else reports.push(r);
        }
        res.writeHead(204).end();
      });
      return;
    }
    const headers = { ...req.headers };
    // Always a full answer, so every HTML page gets the probe.
    delete headers['if-none-match'];
    delete headers['if-modified-since'];
    const forward = http.request(
      { host: '127.0.0.1', port: innerPort, path: url, method: req.method, headers },
      (answer) => {
        const out = { ...answer.headers };
        const csp = out['content-security-policy'];
        if (typeof csp === 'string') out['content-security-policy'] = `${csp}; report-uri /__csp-report`;
        if ((answer.statusCode ?? 0) >= 400)
          reports.push({
            kind: `HTTP ${answer.statusCode}`,
            message: `${req.method} ${url}`,
            page: req.headers.referer ?? '',
          });
        if (!String(out['content-type']).startsWith('text/html') || req.method === 'HEAD') {
          res.writeHead(answer.statusCode ?? 502, out);
          return answer.pipe(res);
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          // The page is sent on unpacked: the probe goes into its text.
          const html = (out['content-encoding'] === 'gzip' ? gunzipSync(body) : body)
            .toString('utf8')
            .replace(/<head>/i, '<head><script src="/__probe.js"></script>');
          delete out['content-length'];
          delete out['content-encoding'];
          delete out.etag;
          res.writeHead(answer.statusCode ?? 502, { ...out, 'content-length': Buffer.byteLength(html) });
          res.end(html);
        });
      },
    );
    forward.on('error', (e) => res.writeHead(502).end(String(e)));
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    base: `http://127.0.0.1:${port}`,
    take: () => [reports, (reports = [])][0]!,
    async settle(mark) {
      for (let i = 0; !marks.has(mark); i++) {
        if (i > 300) throw new Error(`the page's reports did not arrive (mark ${mark})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      inner.kill();
    },
  };
}
