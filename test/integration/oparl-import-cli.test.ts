// `npm run import:oparl`: the command's German output (counts and deviation tables), its answers to bad input and
// to a source that does not answer. Runs in-process (main); the import itself is tested in oparl-import.test.ts.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@/cli/import-oparl';
import { startOparlFixture, type OparlFixture } from '../support/oparl-fixture';
import { freePort } from '../support/ports';

let fixture: OparlFixture;
beforeAll(async () => {
  fixture = await startOparlFixture({ broken: true });
});
afterAll(() => fixture.close());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line), bar: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('import:oparl', () => {
  it('imports and ends with a table of counts per type and the summary of deviations', async () => {
    const result = await run([fixture.systemUrl]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Vollständiger Import: Fixture-RIS');
    expect(result.out).toMatch(/^Vorlagen\s+30\s+0\s+0\s+0\s+0$/m);
    expect(result.out).toMatch(/^Abweichung\s+Anzahl\s+Beispiel$/m);
    expect(result.out).toMatch(/^Tagesordnungspunkt ohne order\s+8\s+http:\/\/127\.0\.0\.1:\d+\/oparl\/body\/1\/meeting\/\d\/item\/2/m);
    // Each deviation with its object's id is in the file the command names.
    const file = /^Alle \d+ Abweichungen mit der ID des Objekts: (.+)$/m.exec(result.out)?.[1];
    const lines = fs.readFileSync(file!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('Abweichung\tObjekt\tHinweis');
    expect(lines).toContain(`Tagesordnungspunkt ohne order\t${fixture.origin}/oparl/body/1/meeting/0/item/2\tPosition 2 angenommen`);
    const again = await run([fixture.systemUrl]);
    expect(again.out).toMatch(/^Änderungen seit \d{4}-\d\d-\d\dT/m);
    // Only what changed is asked for: no paper came, the bodies list is read whole.
    expect(again.out).not.toMatch(/^Vorlagen/m);
    expect(again.out).toMatch(/^Körperschaften\s+0\s+0\s+1\s+0\s+0$/m);
    // --voll asks for everything again and finds it unchanged.
    const full = await run([fixture.systemUrl, '--voll']);
    expect(full.out).toContain('Vollständiger Import: Fixture-RIS');
    expect(full.out).toMatch(/^Vorlagen\s+0\s+0\s+30\s+0\s+0$/m);
  });

  it('answers bad input and an unreachable source in German, with exit code 1', async () => {
    expect(await run([])).toMatchObject({ code: 1, err: expect.stringContaining('Bitte genau eine http(s)-URL eines OParl-Systems angeben.') });
    expect(await run(['ftp://example.org/'])).toMatchObject({ code: 1, err: expect.stringContaining('Bitte genau eine http(s)-URL') });
    expect(await run([fixture.systemUrl, '--unbekannt'])).toMatchObject({ code: 1, err: expect.stringContaining('Unbekannte oder unvollständige Option.') });
    expect(await run([fixture.systemUrl, '--parallel', '0'])).toMatchObject({ code: 1, err: '--parallel erwartet eine ganze Zahl von 1 bis 32.' });
    expect(await run([`${fixture.origin}/oparl/nichts`])).toMatchObject({ code: 1, err: expect.stringContaining('kein OParl-System erreichbar (HTTP 404)') });
    const closed = `http://127.0.0.1:${await freePort()}/oparl/system`;
    const unreachable = await run([closed, '--parallel', '1']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain('Die Quelle antwortet nicht');
    expect(unreachable.err).toContain('Bitte später erneut starten');
  });
});
