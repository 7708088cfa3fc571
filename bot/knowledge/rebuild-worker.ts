import { parentPort } from 'node:worker_threads';
import { rebuildCaches, type RebuildRequest } from '../../src/knowledge/rebuild.ts';

/** Answers `{ id, request }` with `{ id, result }` or `{ id, error }`; one rebuild at a time (the caller queues). */
parentPort?.on('message', (message: { id: number; request: RebuildRequest }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: rebuildCaches(message.request) });
  } catch (e) {
    parentPort!.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
