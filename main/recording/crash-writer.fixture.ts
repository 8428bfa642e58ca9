// Child process of crash.test.ts: a recorder as the live host runs one, to be killed with SIGKILL.
//   MODE=pause:   writes the sample store up to STOP_AT_MS, prints what it wrote and committed as
//                 JSON, then waits to be killed with its tail uncommitted.
//   MODE=endless: writes lap after lap (LAP_SECONDS each, seeded by the lap number) as fast as it
//                 can, printing "running" once, until it is killed wherever it happens to be.
import { openStoreDatabase } from '../db';
import { inputTime } from '../engine/inputs';
import { sampleInputs } from './test-inputs';
import { RecordingWriter } from './writer';

const db = openStoreDatabase(process.env.DB_FILE!, { storeId: 'demo-store' });
const writer = new RecordingWriter(db, { commitSpanMs: Number(process.env.COMMIT_SPAN_MS ?? 1000) });

if (process.env.MODE === 'pause') {
  const stopAtMs = Number(process.env.STOP_AT_MS);
  let written = 0;
  for (const input of sampleInputs({ seconds: 10 })) {
    if (inputTime(input) >= stopAtMs) break;
    writer.write(input);
    written++;
  }
  process.stdout.write(`${JSON.stringify({ written, committed: writer.stats.committedInputs })}\n`);
  setInterval(() => {}, 1 << 30);
} else {
  const lapSeconds = Number(process.env.LAP_SECONDS);
  let lap = 0;
  const step = (): void => {
    for (const input of sampleInputs({ fromMs: 1000 + lap * lapSeconds * 1000, seconds: lapSeconds, seed: lap })) writer.write(input);
    if (lap++ === 0) process.stdout.write('running\n');
    setImmediate(step);
  };
  step();
}
