import { existsSync, readlinkSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ExitCode, JourneymapError } from '../errors.js';

/** Prefix of every temporary profile folder, so tests (and people) can find leftover processes. */
export const PROFILE_PREFIX = 'journeymap-chromium-';

/**
 * Flags for an offline, locked-down run: nothing phones home (updates, sync, metrics, translation),
 * and every network request the browser itself would make goes to a dead local proxy, so even a
 * request that slipped past the page's own refusal could not leave the machine. Site isolation is off
 * so that every frame of a page lives in the page's own renderer, under its "JavaScript off" switch
 * (an out-of-process frame is a target of its own; data: and srcdoc frames side by side also made
 * Chromium drop the page mid-load). Text is laid out without font hinting, so that line breaks, and so
 * page breaks, do not depend on the machine's font settings. The address bar's suggestion popup is a web
 * page of its own in recent Chrome, loaded at start-up even headless: turned off, it no longer takes
 * about 0.6 s of CPU away from the maps on every launch.
 */
const LOCKED_DOWN_FLAGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,IsolateOrigins,site-per-process,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  '--disable-site-isolation-trials',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--font-render-hinting=none',
];

/** A running browser with its own temporary profile; `close` may be called any number of times. */
export interface BrowserSession {
  browser: Browser;
  version: string;
  close(): Promise<void>;
  /** For a second Ctrl-C: kills the browser and removes its profile synchronously, without waiting. */
  killNow(): void;
}

/**
 * Starts the browser headless, over a pipe (no debugging port on the machine), with a fresh profile
 * that `close` removes. Chromium's sandbox needs unprivileged user namespaces, which root and most
 * containers lack, so it is turned off only there.
 */
export async function launchBrowser(executablePath: string): Promise<BrowserSession> {
  await removeStaleProfiles(tmpdir());
  // The profile's name carries this process's id: a later run can tell a profile nobody holds any more.
  const profile = await mkdtemp(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  // "Never predict network actions": no speculative connection when a page starts a navigation, which
  // would open a socket before the page's request refusal ever sees a request.
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  const { default: puppeteer } = await import('puppeteer-core');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profile,
      args: [...LOCKED_DOWN_FLAGS, ...(needsNoSandbox() ? ['--no-sandbox'] : [])],
      // Our own handlers close the browser and remove the profile; puppeteer's would exit the process.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 30_000,
    });
  } catch (error) {
    await removeProfile(profile);
    const reason = String((error as Error)?.message ?? error).split('\n')[0];
    throw new JourneymapError(`could not start the browser at ${executablePath}: ${reason}`, ExitCode.usage);
  }

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeAndClean(browser, profile));
  const killNow = () => {
    killGroup(browser.process()?.pid);
    const socketDir = singletonSocketDir(profile);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    if (socketDir) rmSync(socketDir, { recursive: true, force: true });
  };
  return { browser, version: await browser.version().catch(() => 'unknown version'), close, killNow };
}

/**
 * The profile is thrown away, so a graceful close has nothing to save: the browser's whole process group
 * is killed, which takes a fraction of the time, and the profile removed once the browser has exited.
 */
async function closeAndClean(browser: Browser, profile: string): Promise<void> {
  const child = browser.process();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child.pid);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  } else if (!child) {
    await browser.close().catch(() => undefined);
  }
  await removeProfile(profile);
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function removeProfile(profile: string): Promise<void> {
  const socketDir = singletonSocketDir(profile);
  // Chromium may still be flushing files for a moment after it exits.
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  if (socketDir) await rm(socketDir, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * The folder of the socket through which a second Chromium would find the first: Chromium makes it in the
 * temporary folder, links it from the profile, and removes it only when it exits on its own, which it never
 * does here (it is killed). Only a folder of Chromium's own naming is ever returned.
 */
function singletonSocketDir(profile: string): string | undefined {
  try {
    const dir = dirname(readlinkSync(join(profile, 'SingletonSocket')));
    return /^org\.chromium\.Chromium\.\w+$/.test(basename(dir)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the profiles a journeymap killed outright (`kill -9`) left behind: those whose journeymap process
 * is gone and whose Chromium, if its lock names one, is gone too. A profile of a live run is never touched.
 */
export async function removeStaleProfiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const owner = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name);
    if (!owner || isAlive(Number(owner[1]))) continue;
    const profile = join(dir, name);
    if (isAlive(chromiumHolding(profile))) continue;
    await removeProfile(profile);
  }
}

/** The process id in Chromium's `SingletonLock` (a link to `host-pid`), if the profile has one. */
function chromiumHolding(profile: string): number | undefined {
  try {
    const pid = Number(/-(\d+)$/.exec(readlinkSync(join(profile, 'SingletonLock')))?.[1]);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function needsNoSandbox(): boolean {
  if (process.getuid?.() === 0) return true;
  return existsSync('/.dockerenv') || existsSync('/run/.containerenv');
}
