// Cross-process locks in the search directory, which every instance of a deployment shares. The manifest lock
// guards a read-modify-write of manifest.json (held for milliseconds, never across an await); the build marker
// tells other instances that a full build is running (touched after each partition, stale when it stops).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

/** A manifest lock older than this belongs to a process that died while holding it (it is held for milliseconds). */
const STALE_LOCK_MS = 10_000;
/** Longest wait for the manifest lock before giving up with an error. */
const LOCK_WAIT_MS = 60_000;
/** A full build that has not finished a partition for this long is taken for dead. */
const STALE_BUILD_MS = 10 * 60_000;

const MANIFEST_LOCK = '.manifest.lock';
const BUILD_MARKER = '.building';

function owner(): string {
  return `${os.hostname()} ${process.pid} ${crypto.randomBytes(4).toString('hex')}`;
}

function ageMs(file: string): number | null {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Removes a lock file taken for stale; only one of several processes doing so at once succeeds with the rename. */
function breakStale(file: string): void {
  const aside = `${file}.${crypto.randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(file, aside);
    fs.rmSync(aside, { force: true });
  } catch {
    // Someone else broke or released it first.
  }
}

/**
 * Runs `update` (synchronous: it reads and writes manifest.json) while holding the manifest lock of `dir`, so that
 * two processes never swap from the same old manifest and lose one another's partitions.
 */
export async function withManifestLock<T>(dir: string, update: () => T): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MANIFEST_LOCK);
  const me = owner();
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = ageMs(file);
      if (age !== null && age > STALE_LOCK_MS) breakStale(file);
      else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Das Suchverzeichnis ${dir} ist seit über einer Minute gesperrt (${MANIFEST_LOCK}); läuft ein hängender Prozess? Sonst die Datei löschen.`, { cause: error });
      else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  try {
    return update();
  } finally {
    try {
      if (fs.readFileSync(file, 'utf8') === me) fs.rmSync(file, { force: true });
    } catch {
      // Already gone (broken as stale by another process).
    }
  }
}

/** A running full build's marker: `touch()` after each partition, `release()` at the end. */
export interface BuildMarker {
  touch: () => void;
  release: () => void;
}

/**
 * Marks a full build of `dir` in progress (its bundles are in no manifest yet: stale-bundle removal leaves them, and
 * reconciliation waits for it). With `exclusive`, returns null when another process's build is running (its marker
 * was touched within ten minutes); otherwise takes the marker over.
 */
export function markFullBuild(dir: string, options: { exclusive?: boolean } = {}): BuildMarker | null {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, BUILD_MARKER);
  const me = owner();
  try {
    fs.writeFileSync(file, me, { flag: options.exclusive ? 'wx' : 'w' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (fullBuildRunning(dir)) return null;
    fs.writeFileSync(file, me);
  }
  return {
    touch: () => {
      try {
        const now = new Date();
        fs.utimesSync(file, now, now);
      } catch {
        // Removed meanwhile: the build goes on regardless.
      }
    },
    release: () => {
      try {
        if (fs.readFileSync(file, 'utf8') === me) fs.rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}

/** Whether a full build of `dir` is running somewhere (its marker was touched within ten minutes). */
export function fullBuildRunning(dir: string): boolean {
  const age = ageMs(path.join(dir, BUILD_MARKER));
  return age !== null && age < STALE_BUILD_MS;
}
