// The seed import (npm run db:seed, first npm start) is safe to repeat and refuses broken content without half-writing it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importContent } from '@/lib/server/seed/import';
import { editedContent } from '../support/content';
import { contentRoot } from '../support/paths';
import { snapshotContent, testDb } from '../support/database';

describe('Importing content/', () => {
  it('changes nothing when run a second time', async () => {
    const before = await snapshotContent();
    const stats = await importContent(testDb(), contentRoot);
    expect(stats.created).toBe(0);
    expect(stats.updated).toBe(0);
    expect(stats.unchanged).toBeGreaterThan(0);
    // Same rows, same versions, same updatedAt, and no new revision.
    expect(await snapshotContent()).toEqual(before);
  });

  it('refuses a paper with an unknown type, naming the file and field, and leaves the database as it was', async () => {
    const { root, file } = editedContent('landkreis-grafschaft-bentheim/papers/3-2-0076-2014.md', (s) => s.replace('paperType: mitteilungsvorlage', 'paperType: resolution'));
    const before = await snapshotContent();
    const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain(`Die Inhaltsdatei ${file} ist ungültig`);
    expect(error?.message).toMatch(/- paperType: /);
    expect(await snapshotContent()).toEqual(before);
  });

  it('refuses a demand field with a wrong date format, naming its path', async () => {
    const { root, file } = editedContent('staedteregion-aachen/meetings/2022-02-02-integrationsrat.md', (s) => s.replace('nextDueDate: 2022-06-30', 'nextDueDate: Ende Juni'));
    const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain(file);
    expect(error?.message).toContain('agenda.0.demands.0.followUps.0.nextDueDate: Datum im Format JJJJ-MM-TT');
  });

  it('says which outcomes replace the former status "erledigt"', async () => {
    const { root, file } = editedContent('landkreis-grafschaft-bentheim/papers/antrag-gruene-2014-03-05-willkommenskultur.md', (s) => s.replace('statusAfter: von_verwaltung_abgelehnt', 'statusAfter: erledigt'));
    const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain(file);
    expect(error?.message).toContain('demands.0.followUps.0.statusAfter: Den Status „erledigt“ gibt es nicht mehr. Bitte erfuellt, von_verwaltung_abgelehnt oder erledigt_ohne_umsetzung angeben.');
  });

  it('rolls back everything already written when a later record refers to something unknown', async () => {
    // The first body's paper changes its title (an update), then the second body's meeting names an unknown committee.
    const bentheim = editedContent('landkreis-grafschaft-bentheim/papers/3-2-0076-2014.md', (s) => s.replace('name: Willkommenskultur in der Ausländerbehörde', 'name: Geänderter Titel'));
    const meetingFile = path.join(bentheim.root, 'staedteregion-aachen/meetings/2022-02-02-integrationsrat.md');
    fs.writeFileSync(meetingFile, fs.readFileSync(meetingFile, 'utf8').replace('organizations: [integrationsrat-staedteregion-aachen]', 'organizations: [hauptausschuss-staedteregion-aachen]'));
    const before = await snapshotContent();
    const error = await importContent(testDb(), bentheim.root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe(`${meetingFile}: Gremium „hauptausschuss-staedteregion-aachen“ ist unbekannt. Bitte Schreibweise prüfen oder den Eintrag anlegen.`);
    expect(await snapshotContent()).toEqual(before);
    // Proof that the title change had been written before the failure: once the meeting is fixed, it is applied.
    fs.writeFileSync(meetingFile, fs.readFileSync(path.join(contentRoot, 'staedteregion-aachen/meetings/2022-02-02-integrationsrat.md')));
    expect(await importContent(testDb(), bentheim.root)).toMatchObject({ created: 0, updated: 1 });
  });

  it('refuses a follow-up that moves a demand along a transition the status graph forbids', async () => {
    const { root, file } = editedContent('landkreis-grafschaft-bentheim/papers/antrag-gruene-2014-03-05-willkommenskultur.md', (s) => s.replace('statusAfter: von_verwaltung_abgelehnt', 'statusAfter: umgesetzt'));
    const before = await snapshotContent();
    const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe(`${file}, Forderung 1: Der Status kann nicht von „Eingereicht“ zu „Umgesetzt“ wechseln. Erlaubt sind: „In Beratung“, „Erfüllt“, „Von der Verwaltung abgelehnt“, „Erledigt ohne Umsetzung“, „Zurückgezogen“.`);
    expect(await snapshotContent()).toEqual(before);
  });
});
