import { openVectors } from '../src/text/vectors.ts';

/** Converts the word vectors once before the test files run (the first run takes seconds), so no test pays for it. */
export default function setup(): void {
  const opened = openVectors();
  if (opened?.status.prepared) console.log(opened.status.message);
  opened?.vectors.close();
}
