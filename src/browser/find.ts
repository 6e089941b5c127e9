import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ExitCode, JourneymapError } from '../errors.js';

/** Where a browser was found, for the progress line and for messages. */
export interface FoundBrowser {
  path: string;
  source: string;
}

/** What the finders may look at; a parameter so tests and callers can pass their own environment. */
export interface FindContext {
  browserPath?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

type Finder = (context: FindContext) => FoundBrowser | undefined;

/** Settings that name a browser outright: a wrong one is an error, never silently skipped. */
const EXPLICIT_SETTINGS = ['JOURNEYMAP_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

const fromFlag: Finder = ({ browserPath }) => (browserPath ? explicit(browserPath, '--browser-path') : undefined);

const fromEnvironment: Finder = ({ env }) => {
  for (const name of EXPLICIT_SETTINGS) {
    const value = env[name]?.trim();
    if (value) return explicit(value, name);
  }
  return undefined;
};

/** Browsers that install on PATH (Linux packages, Homebrew casks with shims, Windows when on PATH). */
const PATH_NAMES = [
  'google-chrome-stable',
  'google-chrome',
  'chromium',
  'chromium-browser',
  'microsoft-edge-stable',
  'microsoft-edge',
  'chrome-headless-shell',
  'chrome',
  'msedge',
];

const fromPath: Finder = ({ env, platform }) => {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';').filter(Boolean) : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const ext of extensions) {
        const candidate = join(dir, name + ext.toLowerCase());
        if (isExecutable(candidate)) return { path: candidate, source: 'PATH' };
      }
    }
  }
  return undefined;
};

/** The usual install locations that are not on PATH. */
function installLocations({ env, platform, home }: FindContext): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    return ['/Applications', join(home, 'Applications')].flatMap((dir) => apps.map((app) => join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((r): r is string => Boolean(r));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => `${root}\\${app}`));
  }
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge', '/snap/bin/chromium', '/var/lib/flatpak/exports/bin/org.chromium.Chromium'];
}

const fromInstallLocations: Finder = (context) => {
  const path = installLocations(context).find((candidate) => isExecutable(candidate, context.platform));
  return path ? { path, source: 'install location' } : undefined;
};

/** Browsers that `npx @puppeteer/browsers install …` put in puppeteer's cache, newest build first. */
const fromPuppeteerCache: Finder = ({ env, platform, home }) => {
  const cache = env.PUPPETEER_CACHE_DIR || join(home, '.cache', 'puppeteer');
  const binaries: Record<string, string[]> = {
    'chrome-headless-shell': ['chrome-headless-shell-linux64/chrome-headless-shell', 'chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell', 'chrome-headless-shell-win64/chrome-headless-shell.exe'],
    chrome: ['chrome-linux64/chrome', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-win64/chrome.exe'],
  };
  for (const [browser, relatives] of Object.entries(binaries)) {
    for (const build of listNewestFirst(join(cache, browser))) {
      for (const relative of relatives) {
        const candidate = join(cache, browser, build, relative);
        if (isExecutable(candidate, platform)) return { path: candidate, source: "puppeteer's browser cache" };
      }
    }
  }
  return undefined;
};

const FINDERS: Finder[] = [fromFlag, fromEnvironment, fromPath, fromInstallLocations, fromPuppeteerCache];

/**
 * Finds a Chrome, Chromium or Edge to print with: `--browser-path`, then JOURNEYMAP_BROWSER,
 * PUPPETEER_EXECUTABLE_PATH and CHROME_PATH, then PATH and the usual install locations, then puppeteer's
 * browser cache. Nothing is ever downloaded.
 */
export function findBrowser(context: Partial<FindContext> = {}): FoundBrowser {
  const full: FindContext = { env: process.env, platform: process.platform, home: homedir(), ...context };
  for (const finder of FINDERS) {
    const found = finder(full);
    if (found) return found;
  }
  throw new JourneymapError(
    'no Chrome, Chromium or Edge found to print PDF and PNG. Install one (Debian/Ubuntu: apt-get install chromium; ' +
      'or: npx @puppeteer/browsers install chrome-headless-shell@stable) and, if it is not on PATH, ' +
      'point at it with --browser-path PATH or JOURNEYMAP_BROWSER=PATH',
    ExitCode.usage,
  );
}

function explicit(path: string, setting: string): FoundBrowser {
  if (!isExecutable(path)) throw new JourneymapError(`${setting} points at "${path}", which is not an executable browser`, ExitCode.usage);
  return { path, source: setting };
}

function isExecutable(path: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Build folders such as `linux-131.0.6778.85`, the highest version first. */
function listNewestFirst(dir: string): string[] {
  try {
    const builds = readdirSync(dir);
    const version = (name: string) => (name.split('-').pop() ?? '').split('.').map(Number);
    return builds.sort((a, b) => {
      const [va, vb] = [version(a), version(b)];
      for (let i = 0; i < Math.max(va.length, vb.length); i++) if ((va[i] ?? 0) !== (vb[i] ?? 0)) return (vb[i] ?? 0) - (va[i] ?? 0);
      return 0;
    });
  } catch {
    return [];
  }
}
