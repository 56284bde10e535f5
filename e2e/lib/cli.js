// Runs the real alongside command line (go run ./cmd/alongside) from the
// repository root, which holds the sample site.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let childEnv;

/**
 * env is the environment of the command: its cache folder (where
 * os.UserCacheDir looks, XDG_CACHE_HOME) is a temporary one, removed on
 * exit, so that the tests leave nothing in the user's; Go's build cache
 * stays where it was.
 */
function env() {
  if (!childEnv) {
    const gocache = execFileSync('go', ['env', 'GOCACHE'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'alongside-e2e-cache-'));
    process.on('exit', () => fs.rmSync(cache, { recursive: true, force: true }));
    childEnv = { ...process.env, GOCACHE: gocache, XDG_CACHE_HOME: cache };
  }
  return childEnv;
}

/**
 * alongside runs `go run ./cmd/alongside ...args` and resolves to
 * {code, stdout, stderr}; it never rejects for a non-zero exit.
 */
export function alongside(args, { timeout = 5 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['run', './cmd/alongside', ...args], {
      cwd: repoRoot,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

/** describe formats a finished command for a failure message. */
export function describeRun(args, r) {
  return `alongside ${args.join(' ')} exited ${r.code}${r.signal ? ` (${r.signal})` : ''}\n` +
    `--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** isUnknownCommand tells whether the CLI refused args[0] as an unknown command. */
export function isUnknownCommand(r, name) {
  return r.code === 2 && r.stderr.includes(`unknown command "${name}"`);
}
