// The worker thread that rebuilds the knowledge caches off the answering thread (see bot/knowledge/live.ts).
// Plain JavaScript so that it starts under any runner: it registers tsx, then loads the TypeScript half.
import { register } from 'tsx/esm/api';

register();
await import('./rebuild-worker.ts');
