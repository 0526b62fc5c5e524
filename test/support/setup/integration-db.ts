// setupFiles entry of the integration project: every test starts on a fresh copy of the template database.
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { closeDb } from '@/lib/server/db';
import { dropDerivedValues } from '@/lib/server/changes/derived';
import { copyTemplateTo } from '../template';
import { fileUrl, tmpDir } from '../paths';

// VITEST_POOL_ID is unique among workers running at the same time, so no two test files share a database.
const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
const file = path.join(tmpDir, `worker-${worker}.db`);

// Runs before the test file is imported, hence before anything calls getDb().
process.env.DATABASE_URL = fileUrl(file);
process.env.DATA_DIR = path.join(tmpDir, `worker-${worker}-data`);

// Rows a test inserts never leak into the next: close the shared handle, copy the template again;
// the next getDb() reopens the fresh file. The file stays after the run, to be inspected after a failure.
// Values derived from the previous test's data (counts, the tracker's list) go with it.
beforeEach(() => {
  closeDb();
  dropDerivedValues();
  copyTemplateTo(file);
});
afterAll(() => closeDb());
