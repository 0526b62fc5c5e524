// globalSetup of the integration project: builds test/.tmp/template.db (migrations + content/).
import { ensureTemplateDb } from '../template';

/** Runs once per Vitest run, before any integration worker starts. */
export default async function setup(): Promise<void> {
  await ensureTemplateDb();
}
