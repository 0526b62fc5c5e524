import { createClient } from '@libsql/client';
import { loadRecords, recordDatesSql } from '@/lib/server/search/records';
const c = createClient({ url: 'file:test/.tmp/server.db' });
const recs = await loadRecords(c, '2026-01-01', '2026-12-31');
console.log(recs.length, recs.map(r => r.key));
console.log((await c.execute(`select id, published_at, deleted_at, date from paper where date like '2026%'`)).rows);
try { console.log((await c.execute(`SELECT day, count(*) AS n FROM (${recordDatesSql}) GROUP BY day ORDER BY day`)).rows); } catch (e) { console.log(e); }
