import { createClient } from '@libsql/client';
import { publicSql } from '@/lib/server/visibility';
const c = createClient({ url: 'file:/tmp/vis/bench-100000/ratsfaden.db' });
async function time(label: string, q: string) {
  await c.execute(q);
  const s: number[] = [];
  for (let i = 0; i < 5; i++) { const a = performance.now(); await c.execute(q); s.push(performance.now() - a); }
  s.sort((a, b) => a - b);
  console.log(label.padEnd(30), s[2]!.toFixed(1), 'ms');
}
await time('own demands', `select count(*) from demand d where d.published_at is not null and d.deleted_at is null`);
await time('public demands', `select count(*) from demand d where ${publicSql('demand', 'd')}`);
await time('own follow-ups', `select count(*) from follow_up f where f.published_at is not null and f.deleted_at is null`);
await time('public follow-ups', `select count(*) from follow_up f where ${publicSql('followUp', 'f')}`);
await time('public papers', `select count(*) from paper p where ${publicSql('paper', 'p')}`);
await time('own papers', `select count(*) from paper p where p.published_at is not null and p.deleted_at is null`);
