import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { statSync } from 'node:fs';

/** Why a request path was refused: 400 malformed, 403 outside the served folders, 404 hidden. */
export class RefusedPath extends Error {
  constructor(readonly status: 400 | 403 | 404) {
    super(`refused with ${status}`);
  }
}

/**
 * The folders a set of input paths serves: a folder itself, a file's folder, a glob's folder before its
 * first wildcard. Their common ancestor is the root URLs are relative to.
 */
export function servedFolders(paths: string[], cwd: string): { folders: string[]; base: string } {
  const folders = [...new Set(paths.map((p) => resolve(cwd, folderOf(p, cwd))))];
  let base = folders[0] ?? resolve(cwd);
  for (const folder of folders) while (!isInside(base, folder)) base = dirname(base);
  return { folders, base };
}

function folderOf(path: string, cwd: string): string {
  if (isDynamicPattern(path)) {
    const parts = path.split(/[\\/]/);
    return parts.slice(0, parts.findIndex((part) => isDynamicPattern(part))).join('/') || '.';
  }
  try {
    return statSync(resolve(cwd, path)).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The URL path of a request, decoded and checked: no `..` segment (encoded or not), no NUL, no
 * backslash, no hidden (dot) file or folder. Returns the path segments.
 */
export function requestSegments(rawUrl: string): string[] {
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  if (!rawPath.startsWith('/')) throw new RefusedPath(400);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new RefusedPath(400);
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new RefusedPath(400);
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) throw new RefusedPath(403);
  if (segments.some((s) => s.startsWith('.'))) throw new RefusedPath(404);
  return segments;
}

/** Whether a file, once every symbolic link is followed, lies inside one of the served folders (also followed). */
export async function insideServed(path: string, folders: string[]): Promise<boolean> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return false;
  const realFolders = await Promise.all(folders.map((f) => realpath(f).catch(() => f)));
  return realFolders.some((folder) => isInside(folder, real));
}

/**
 * The file a request names under `base`, if it lies inside one of the served folders once every
 * symbolic link is followed; otherwise RefusedPath(403).
 */
export async function servedFile(segments: string[], base: string, folders: string[]): Promise<string> {
  const path = resolve(base, ...segments);
  if (!folders.some((folder) => isInside(folder, path))) throw new RefusedPath(403);
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) throw new RefusedPath(404);
  if (!(await insideServed(real, folders))) throw new RefusedPath(403);
  return real;
}
