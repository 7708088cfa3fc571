import type { ChildProcess } from 'node:child_process';

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
