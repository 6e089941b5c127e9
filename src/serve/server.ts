import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, resolve, sep } from 'node:path';
import { JourneymapError } from '../errors.js';
import { formatters } from '../format/index.js';
import type { Project } from '../project/index.js';
import type { RenderOptions } from '../render/options.js';
import { version } from '../version.js';
import { templatesRevision, watchMaps, type MapWatcher } from '../watch/index.js';
import { DIFF_PATH, errorPage, EVENTS_PATH, indexPage, injectLiveReload, statusPage } from './pages.js';
import { insideServed, RefusedPath, requestSegments, servedFile, servedFolders } from './paths.js';

export interface PreviewOptions {
  /** The run's project: the maps served, how they are checked and rendered. */
  project: Project;
  /** Address to listen on: 127.0.0.1 unless the user chooses otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Told about each change pushed to the pages, and about watch errors. */
  log?: (message: string) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

const MAP_FILE = /\.journey\.ya?ml$/i;
const DIFF_URL = /^\/\.journeymap\/diff\/([a-z0-9]+(?:-[a-z0-9]+)*)\.html$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
};

/**
 * A local preview of the maps: an index, each map rendered on request (so a page always shows the file as
 * saved), the files beside the maps, and live reload over Server-Sent Events. Nothing outside the served
 * folders is reachable.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const { project } = options;
  const { inputs } = project;
  const configFile = project.config?.file;
  if (inputs.paths.includes('-')) throw new JourneymapError('serve cannot serve standard input; name the map files or folders');
  const { cwd } = project;
  const { folders, base } = servedFolders(inputs.paths, inputs.cwd);
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  // Changed by a template change (see templatesRevision); every page renders with the current one.
  const render: RenderOptions = { ...project.render };
  const templates = project.render.templates;
  let revision = 0;
  /** A map's page as path segments under the served root (decoded), and as the URL a link needs (encoded). */
  const segmentsOf = (file: string) => relative(base, resolve(cwd, file)).replace(MAP_FILE, '.html').split(sep);
  const urlOf = (file: string) => `/${segmentsOf(file).map(encodeURIComponent).join('/')}`;
  /**
   * The maps the project selects, less any whose real path (every link followed) lies outside the served
   * folders: a `*.journey.yaml` link to a file elsewhere is never read, let alone quoted in a page.
   */
  const mapFiles = async () => {
    const files = await project.files();
    const inside = await Promise.all(files.map((f) => insideServed(resolve(cwd, f), folders)));
    return files.filter((_, i) => inside[i]);
  };

  /** The map file a `.html`/`.svg` URL stands for, if it is one of the served maps. */
  const mapFor = async (segments: string[]): Promise<string | undefined> => {
    const wanted = segments.join('/').replace(/\.(html|svg)$/, '.html');
    return (await mapFiles().catch(() => [])).find((f) => segmentsOf(f).join('/') === wanted);
  };

  const renderPage = async (file: string, format: 'html' | 'svg'): Promise<{ status: number; body: string; type: string }> => {
    const { report, map } = await project.load(file);
    if (!map) return { status: 422, type: TYPES['.html'], body: injectLiveReload(errorPage(file, formatters.stylish([report], { color: false, version }))) };
    if (format === 'svg') {
      const { renderSvg } = await import('../render/svg/index.js');
      return { status: 200, type: TYPES['.svg'], body: renderSvg(map, { ...render, sourceFile: file }) };
    }
    const { renderHtml } = await import('../render/html/index.js');
    return { status: 200, type: TYPES['.html'], body: injectLiveReload(renderHtml(map, { ...render, sourceFile: file })) };
  };

  /** The site's index (as `journeymap site` writes it), over the maps as saved now, with links into this server. */
  const index = async (): Promise<string> => {
    const { buildMapView } = await import('../render/view/index.js');
    const { siteIndexHtml, summarizeMap, invalidMap, pairJourneys } = await import('../site/page.js');
    const { lastCommit } = await import('../site/build.js');
    let files: string[];
    try {
      files = await mapFiles();
    } catch (error) {
      return injectLiveReload(indexPage([], (error as Error).message));
    }
    const maps = [];
    const invalid = [];
    for (const file of files) {
      const loaded = await project.load(file).catch((error: Error) => ({ report: { file, findings: [] }, map: undefined, problem: error.message }));
      if (!loaded.map) {
        invalid.push({ ...invalidMap(loaded.report), href: urlOf(file), ...('problem' in loaded ? { firstError: loaded.problem } : {}) });
        continue;
      }
      const view = buildMapView(loaded.map, { thresholds: render.thresholds });
      maps.push(summarizeMap(loaded.map, view, file, urlOf(file), await lastCommit(file, cwd)));
    }
    const pairing = pairJourneys(maps, (journey) => `${DIFF_PATH}${journey}.html`);
    return injectLiveReload(siteIndexHtml({ maps, invalid, pairing }, { theme: render.theme, version }));
  };

  /** The diff page of a current/future pair, as `journeymap site` writes it; undefined when there is no such pair. */
  const diffPage = async (journey: string): Promise<string | undefined> => {
    const sources = [];
    for (const file of await mapFiles()) {
      const loaded = await project.load(file);
      if (loaded.map?.journey === journey) sources.push(loaded);
    }
    const current = sources.filter((m) => (m.map!.state ?? 'current') === 'current');
    const future = sources.filter((m) => m.map!.state === 'future');
    if (current.length !== 1 || future.length !== 1) return undefined;
    const { diffMaps } = await import('../diff/compare.js');
    const { diffHtml } = await import('../diff/format/html.js');
    return injectLiveReload(diffHtml(diffMaps(current[0].map!, future[0].map!, { old: current[0].file, new: future[0].file }), { color: false, version }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, host)) return send(res, 403, statusPage(403, 'This preview only answers requests addressed to it by its own host name.'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, statusPage(405, 'Only GET and HEAD are served.'), TYPES['.html'], { allow: 'GET, HEAD' });
    if (req.url === EVENTS_PATH) return openEvents(req, res, clients);
    const diff = DIFF_URL.exec(req.url ?? '');
    if (diff) {
      const page = await diffPage(diff[1]);
      return page === undefined ? send(res, 404, statusPage(404, 'No current/future pair has that journey key.')) : send(res, 200, page);
    }
    let segments: string[];
    try {
      segments = requestSegments(req.url ?? '/');
      if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) return send(res, 200, await index());
      const ext = extname(segments.at(-1)!).toLowerCase();
      if (ext === '.html' || ext === '.svg') {
        const file = await mapFor(segments);
        if (file !== undefined) {
          const page = await renderPage(file, ext === '.svg' ? 'svg' : 'html');
          return send(res, page.status, page.body, page.type);
        }
      }
      const path = await servedFile(segments, base, folders);
      const body = await readFile(path).catch(() => undefined);
      if (body === undefined) throw new RefusedPath(404);
      return send(res, 200, body, TYPES[ext] ?? 'application/octet-stream');
    } catch (error) {
      if (error instanceof RefusedPath) return send(res, error.status, statusPage(error.status, error.status === 403 ? 'That path is outside the served folders.' : error.status === 404 ? 'Nothing here.' : 'Malformed path.'));
      throw error;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      options.log?.(`journeymap: ${(error as Error)?.message ?? String(error)}`);
      if (!res.headersSent) send(res, 500, statusPage(500, (error as Error)?.message ?? 'internal error'));
      else res.end();
    });
  });
  await listen(server, options.port ?? 4000, host);
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const broadcast = (message: string) => {
    for (const client of clients) client.write(`data: ${message}\n\n`);
  };
  const watcher: MapWatcher = watchMaps(
    { inputs, files: mapFiles, templates, configFile },
    {
      onMap: (file) => {
        options.log?.(`changed ${file}`);
        broadcast(urlOf(file));
      },
      onTemplates: () => {
        options.log?.('changed templates');
        if (templates) render.templates = templatesRevision(templates, ++revision);
        broadcast('*');
      },
      onConfig: () => options.log?.(`journeymap: ${configFile} changed; restart serve to apply it`),
      onError: (error) => options.log?.(`journeymap: ${(error as Error)?.message ?? String(error)}`),
    },
  );
  await watcher.ready;

  return {
    url: `http://${shownHost}:${address.port}/`,
    async close() {
      for (const client of clients) client.end();
      await watcher.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type = TYPES['.html'], headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function openEvents(req: IncomingMessage, res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': journeymap live reload\n\n');
  clients.add(res);
  req.on('close', () => clients.delete(res));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A server on the loopback interface answers only requests addressed to a loopback name, so a web page
 * elsewhere cannot reach it through a DNS name that points at 127.0.0.1.
 */
function hostAllowed(header: string | undefined, host: string): boolean {
  if (!LOOPBACK.has(host)) return true;
  if (!header) return false;
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0];
  return LOOPBACK.has(name.toLowerCase());
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new JourneymapError(`port ${port} is already in use; choose another with --port (0 picks a free one)`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(new JourneymapError(`cannot listen on ${host}: no such address on this machine`));
      else if (error.code === 'EACCES') fail(new JourneymapError(`not allowed to listen on port ${port}; choose a port above 1023`));
      else fail(error);
    });
    server.listen(port, host, () => done());
  });
}
