import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../core/helpers.ts';
import { DiscordEmulator } from './emulator.ts';

/**
 * The scaffolding of the tests that run the bot's programs as real processes (`npm start`,
 * `npm run serve`, `npm run deploy`, `--shards`): an emulator and an empty working folder per
 * test file, the programs started through tsx with the environment alone, and a bounded wait.
 */

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/**
 * An emulator and an empty working folder (named `prefix…` in the temporary folder) for one test
 * file: made before its tests, closed and removed after them. Read the fields inside tests.
 */
export function processSuite(prefix: string): { readonly emu: DiscordEmulator; readonly cwd: string } {
  let emu: DiscordEmulator | undefined;
  let cwd: string | undefined;
  beforeAll(async () => {
    emu = await DiscordEmulator.start();
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await emu?.close();
    if (cwd) fs.rmSync(cwd, { recursive: true, force: true });
  });
  return {
    get emu() {
      return emu!;
    },
    get cwd() {
      return cwd!;
    },
  };
}

/** A program of the project running as a process. */
export interface Program {
  child: ChildProcess;
  out(): string;
  err(): string;
  /** stdout then stderr, for a failure message. */
  dump(): string;
  /** stdout's JSON log lines, parsed. */
  logs(): any[];
  /** The exit status (null when ended by a signal). */
  exit: Promise<number | null>;
}

/**
 * Runs `script` (a path inside the project) through tsx in `cwd`, as an operator would: only
 * PATH, HOME and `env` in its environment.
 */
export function startProgram(
  script: string,
  o: { cwd: string; env: Record<string, string>; args?: string[] },
): Program {
  const child = spawn(TSX, [path.join(ROOT, script), ...(o.args ?? [])], {
    cwd: o.cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? o.cwd, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    dump: () => out + err,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l)),
    exit,
  };
}

/** Waits until `check` holds; after `timeoutMs` throws, naming `what` and adding `dump()`. */
export async function until(check: () => boolean, timeoutMs: number, what: string, dump: () => string = () => '') {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}\n${dump()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Ends a process a test started through tsx, and what it started. SIGTERM, which tsx passes on to
 * the node process it runs (a SIGKILL to tsx alone would leave that one running), then SIGKILL
 * if it is still there after `graceMs`.
 */
export async function stopTree(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
