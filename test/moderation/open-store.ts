import { FeedbackStore } from '../../src/moderation/store.ts';

/**
 * For store.test.ts: a process that opens the store at `argv[2]` the moment a line arrives on its
 * standard input (so that several open a new file at once), then prints its schema version and
 * the hash it gives one member.
 */
const file = process.argv[2]!;
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const store = new FeedbackStore(file);
  process.stdout.write(`${JSON.stringify({ version: store.schemaVersion, voter: store.voterHash('member') })}\n`);
  store.close();
  process.exit(0);
});
