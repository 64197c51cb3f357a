/**
 * Child process for the kill -9 durability test: creates keys one after another and prints
 * each key on stdout only after its create resolved (the write was acknowledged), until killed.
 *
 *   node --import tsx acknowledging-writer.ts file:/tmp/x/state.db
 */
import { LibsqlRevisionLog } from '../libsql-revision-log.ts';

const log = new LibsqlRevisionLog({ url: process.argv[2] });
await log.start();
for (let i = 0; ; i++) {
  const kv = await log.create(`/acked/${i}`, `value-${i}`);
  process.stdout.write(`${kv.key} ${kv.modRevision}\n`);
}
