// Records the SQL statements code under test sends to the process-wide database, and explains their query plans:
// for tests that a page's reads stay a fixed number of indexed queries however large the corpus grows.
import type { InStatement } from '@libsql/client';
import { getDb } from '@/lib/server/db';

/** One statement as sent: its SQL text and bound arguments. */
export interface RecordedStatement {
  sql: string;
  args: unknown[];
}

/** Runs `work` and returns the statements it sent (through `$client.execute`), in order. */
export async function recordStatements(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const client = getDb().$client;
  const original = client.execute.bind(client);
  const seen: RecordedStatement[] = [];
  client.execute = ((stmt: InStatement | string, args?: unknown) => {
    if (typeof stmt === 'string') seen.push({ sql: stmt, args: Array.isArray(args) ? args : [] });
    else seen.push({ sql: stmt.sql, args: Array.isArray(stmt.args) ? stmt.args : [] });
    return original(stmt as InStatement);
  }) as typeof client.execute;
  try {
    await work();
  } finally {
    client.execute = original;
  }
  return seen;
}

/** The lines of SQLite's EXPLAIN QUERY PLAN for one recorded statement. */
export async function planOf(statement: RecordedStatement): Promise<string[]> {
  const plan = await getDb().$client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args as never });
  return plan.rows.map((r) => String(r.detail));
}

/** Whole-table scans of `tables` in the plans of `statements`: of the table, or of an index without a LIMIT to stop at. */
export async function tableScans(statements: RecordedStatement[], tables: readonly string[]): Promise<string[]> {
  const scans: string[] = [];
  for (const statement of statements) {
    for (const line of await planOf(statement)) {
      const match = /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(line);
      if (!match || !tables.includes(match[1]!)) continue;
      // Walking an index in order costs only the rows the query needs when it stops early (LIMIT); without a limit
      // it reads every entry, which is a scan too.
      if (/USING (COVERING )?INDEX/.test(match[2]!) && /\blimit\b/i.test(statement.sql)) continue;
      scans.push(`${line}   ⟵ ${statement.sql.slice(0, 160)}`);
    }
  }
  return scans;
}
