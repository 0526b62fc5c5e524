// `npm run user:create`: creates an account (the first admin) from the command line. The password comes from
// RATSFADEN_PASSWORD or a hidden prompt, never from an argument (arguments end up in shell history and `ps`).
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { closeDb, getDb } from '@/lib/server/db';
import { prepareDatabase } from '@/lib/server/prepare';
import { createUser } from '@/lib/server/auth/users';
import { roles, type Role } from '@/lib/domain/vocabulary';

const usage = 'Aufruf: npm run user:create -- --email adresse@example.org --name "Vorname Name" [--role admin|clerk]\nDas Passwort wird abgefragt oder aus der Umgebungsvariable RATSFADEN_PASSWORD gelesen.';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) { process.stdout.write(s); asked = true; }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

try {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, password: { type: 'string' } }, strict: true });
  if (values.password !== undefined) throw new Error('Das Passwort wird nie als Argument übergeben. Bitte lassen Sie --password weg; es wird abgefragt oder aus RATSFADEN_PASSWORD gelesen.');
  if (!values.email || !values.name) throw new Error(usage);
  if (!roles.includes(values.role as Role)) throw new Error(`Unbekannte Rolle „${values.role}“. Erlaubt: ${roles.join(', ')}.`);
  let password = process.env.RATSFADEN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) throw new Error('Kein Terminal für die Passwortabfrage: bitte RATSFADEN_PASSWORD setzen.');
    password = await promptHidden('Passwort: ');
    const again = await promptHidden('Passwort wiederholen: ');
    if (password !== again) throw new Error('Die beiden Eingaben stimmen nicht überein.');
  }
  await prepareDatabase(getDb(), { seedIfEmpty: false });
  const result = await createUser({ email: values.email, name: values.name, role: values.role as Role, password });
  if (!result.ok) throw new Error(result.error);
  console.log(`Konto ${values.email} (${values.role}) wurde angelegt.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}
