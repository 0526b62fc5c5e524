// The seed files are checked with the same blocks as the forms: a day that does not exist, a time that does not
// exist, an over-long text or a misspelt field is refused with a German message naming the file and the field,
// and nothing is written.
import { describe, expect, it } from 'vitest';
import { importContent } from '@/lib/server/seed/import';
import { editedContent } from '../support/content';
import { snapshotContent, testDb } from '../support/database';

/** Imports `root` and returns the error message (the test fails if the import succeeds). */
async function refusal(root: string): Promise<string> {
  const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
  expect(error, 'the import must be refused').not.toBeNull();
  return error!.message;
}

const paper = 'landkreis-grafschaft-bentheim/papers/3-2-0076-2014.md';
const meeting = 'staedteregion-aachen/meetings/2022-02-02-integrationsrat.md';

describe('seed files', () => {
  it('refuse a paper dated 2026-02-31, naming the file and the field, and write nothing', async () => {
    const { root, file } = editedContent(paper, (s) => s.replace(/^date: .*$/m, 'date: 2026-02-31'));
    const before = await snapshotContent();
    const message = await refusal(root);
    expect(message).toContain(`Die Inhaltsdatei ${file} ist ungültig. Bitte korrigieren:`);
    expect(message).toContain('  - date: Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(await snapshotContent()).toEqual(before);
  });

  it('refuse a follow-up due in month 13 and a meeting starting at 25:00', async () => {
    const due = editedContent(meeting, (s) => s.replace('nextDueDate: 2022-06-30', 'nextDueDate: 2022-13-30'));
    expect(await refusal(due.root)).toContain('agenda.0.demands.0.followUps.0.nextDueDate: Das Datum 30.13.2022 gibt es nicht.');
    const start = editedContent(meeting, (s) => s.replace(/^start: (\d{4}-\d{2}-\d{2})T\d{2}/m, 'start: $1T25'));
    expect(await refusal(start.root)).toMatch(/- start: Die Uhrzeit 25:00 gibt es nicht\./);
  });

  it('refuse an over-long title and a misspelt field in German', async () => {
    const long = editedContent(paper, (s) => s.replace(/^name: .*$/m, `name: ${'Sehr langer Titel '.repeat(40)}`));
    expect(await refusal(long.root)).toContain('- name: Höchstens 500 Zeichen.');
    const typo = editedContent(paper, (s) => s.replace(/^date: /m, 'datum: '));
    const message = await refusal(typo.root);
    expect(message).toContain('Unbekannte Angabe: datum. Bitte Schreibweise prüfen.');
    expect(message).toContain('- date: Bitte einen Wert angeben.');
  });

  it('refuse a Landkreis paper whose Federführung is an office of another body, and write nothing', async () => {
    const { root, file } = editedContent(paper, (s) => s.replace(/^underDirectionOf: .*$/m, 'underDirectionOf: auslaenderamt-staedteregion-aachen'));
    const before = await snapshotContent();
    expect(await refusal(root)).toBe(`${file}: Federführung „auslaenderamt-staedteregion-aachen“ gehört zu einer anderen Körperschaft. Bitte nur Einträge aus dem Ordner von „landkreis-grafschaft-bentheim“ verwenden.`);
    expect(await snapshotContent()).toEqual(before);
  });
});
