// Debian's nginx in front of test servers, started by the test: runs deploy/nginx/ratsfaden.conf (the example
// README.md shows) with its addresses and certificate replaced, in a private prefix folder, in the foreground.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { vi } from 'vitest';
import { projectRoot, tmpDir } from './paths';
import { stopProcess } from './process';

const NGINX = '/usr/sbin/nginx';
const SITE = path.join(projectRoot, 'deploy/nginx/ratsfaden.conf');

/** A running nginx with a self-signed certificate for 127.0.0.1. */
export interface Proxy {
  /** `https://127.0.0.1:<port>`, the portal's public address in the test. */
  publicUrl: string;
  /** `http://127.0.0.1:<httpPort>`, the plain-http address that redirects to publicUrl. */
  httpUrl: string;
  /** Requests over TLS, trusting the test's certificate. */
  request: (path: string, options?: { method?: string; headers?: Record<string, string>; body?: string | Buffer }) => Promise<ProxyAnswer>;
  stop: () => Promise<void>;
}

/** An answer through the proxy. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: Buffer;
}

/** Makes a self-signed certificate for 127.0.0.1 in `dir`. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

/** The site configuration with the test's addresses: upstreams, listening port, certificate; no IPv6, no port 80. */
function siteConfig(upstreams: string[], port: number, httpPort: number, cert: { cert: string; key: string }): string {
  const site = fs.readFileSync(SITE, 'utf8').replace(/^\s*#.*$/gm, '');
  const [first, second] = upstreams.map((u) => new URL(u).host);
  const replaced = site
    .replace('server 127.0.0.1:4321;', `server ${first};`)
    .replace('server 127.0.0.1:4322;', `server ${second};`)
    .replace(/^\s*listen \[::\].*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`)
    .replace('/etc/letsencrypt/live/ratsinfo.example.de/fullchain.pem', cert.cert)
    .replace('/etc/letsencrypt/live/ratsinfo.example.de/privkey.pem', cert.key)
    .replaceAll('ratsinfo.example.de', `127.0.0.1:${port}`);
  if (replaced.includes('4321') || replaced.includes('example.de')) throw new Error('deploy/nginx/ratsfaden.conf hat sich geändert: test/support/nginx.ts ersetzt nicht mehr alle Adressen.');
  return replaced.replace(/server_name 127\.0\.0\.1:\d+;/g, 'server_name 127.0.0.1;');
}

/** Starts nginx on `port` (https) and `httpPort` (plain http, redirecting) in front of `upstreams`; stop it in afterAll. */
export async function startProxy(name: string, port: number, httpPort: number, upstreams: string[]): Promise<Proxy> {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx fehlt unter ${NGINX}: apt-get install -y nginx (.ci/run tut das).`);
  const dir = path.join(tmpDir, `nginx-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const cert = makeCertificate(dir);
  fs.writeFileSync(path.join(dir, 'site.conf'), siteConfig(upstreams, port, httpPort, cert));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${path.join(dir, `${t}_temp`)};`).join('\n  ');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'logs/error.log')} warn;
events { worker_connections 256; }
http {
  access_log ${path.join(dir, 'logs/access.log')};
  ${temp}
  include ${path.join(dir, 'site.conf')};
}
`);
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'logs/error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ca = fs.readFileSync(cert.cert);
  const publicUrl = `https://127.0.0.1:${port}`;
  const request: Proxy['request'] = (target, options = {}) => new Promise((resolve, reject) => {
    const req = https.request(`${publicUrl}${target}`, { method: options.method ?? 'GET', headers: options.headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString('utf8'), body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
  // The timeout only stops a hang: an nginx that never answers.
  await vi.waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`nginx hat sich beim Start beendet: ${stderr}`);
    const answer = await request('/healthz');
    if (answer.status !== 200) throw new Error(`nginx antwortet mit ${answer.status}`);
  }, { interval: 150, timeout: 60_000 });
  return { publicUrl, httpUrl: `http://127.0.0.1:${httpPort}`, request, stop: () => stopProcess(child) };
}
