// `npm run user:create`: creates an account (the first admin) from the command line. The password comes from
// RATSFADEN_PASSWORD or a hidden prompt, never from an argument (arguments end up in shell history and `ps`).
// The command's logic is `main`, which tests call in-process; the lines at the end only wire it to the process.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { closeDb, getDb } from '@/lib/server/db';
import { prepareDatabase } from '@/lib/server/prepare';
import { createUser } from '@/lib/server/auth/users';
import { roles, type Role } from '@/lib/domain/vocabulary';

const usage = 'Aufruf: npm run user:create -- --email adresse@example.org --name "Vorname Name" [--role admin|clerk]\nDas Passwort wird abgefragt oder aus der Umgebungsvariable RATSFADEN_PASSWORD gelesen.';

/** What the command reads and writes besides its arguments and the database. */
export interface CliIo {
  /** Prints a line of normal output. */
  out: (line: string) => void;
  /** Prints a line of error output. */
  err: (line: string) => void;
  /** Asks for a secret without echoing it; null when no terminal is attached. */
  promptHidden: ((question: string) => Promise<string>) | null;
}

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

/** The terminal the command runs in: stdout, stderr and a hidden prompt when stdin is a TTY. */
export function processIo(): CliIo {
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    promptHidden: process.stdin.isTTY ? promptHidden : null,
  };
}

/** The password from RATSFADEN_PASSWORD, or asked twice at the terminal; throws with a German message. */
async function readPassword(env: NodeJS.ProcessEnv, io: CliIo): Promise<string> {
  const fromEnv = env.RATSFADEN_PASSWORD ?? '';
  if (fromEnv) return fromEnv;
  if (!io.promptHidden) throw new Error('Kein Terminal für die Passwortabfrage: bitte RATSFADEN_PASSWORD setzen.');
  const password = await io.promptHidden('Passwort: ');
  const again = await io.promptHidden('Passwort wiederholen: ');
  if (password !== again) throw new Error('Die beiden Eingaben stimmen nicht überein.');
  return password;
}

/**
 * Creates the account named by `argv` (the arguments after the script) in the configured database and returns
 * the exit code: 0 when it was created, 1 with a German message on `io.err` otherwise. Does not close the database.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, password: { type: 'string' } }, strict: true });
    if (values.password !== undefined) throw new Error('Das Passwort wird nie als Argument übergeben. Bitte lassen Sie --password weg; es wird abgefragt oder aus RATSFADEN_PASSWORD gelesen.');
    if (!values.email || !values.name) throw new Error(usage);
    if (!roles.includes(values.role as Role)) throw new Error(`Unbekannte Rolle „${values.role}“. Erlaubt: ${roles.join(', ')}.`);
    const password = await readPassword(env, io);
    await prepareDatabase(getDb(), { seedIfEmpty: false });
    const result = await createUser({ email: values.email, name: values.name, role: values.role as Role, password });
    if (!result.ok) throw new Error(result.error);
    io.out(`Konto ${values.email} (${values.role}) wurde angelegt.`);
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv.slice(2), process.env, processIo());
  } finally {
    closeDb();
  }
}
