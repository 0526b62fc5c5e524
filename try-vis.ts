import { createClient } from '@libsql/client';
import { publicSql } from '@/lib/server/visibility';
const c = createClient({ url: 'file:/tmp/ratsfaden-bench-GZxf8M/bench.db' });
async function time(label: string, q: string) {
  await c.execute(q);
  const s = performance.now();
  for (let i = 0; i < 5; i++) await c.execute(q);
  console.log(label, ((performance.now() - s) / 5).toFixed(1), 'ms');
}
await time('own demands', `select count(*) from demand d where d.published_at is not null and d.deleted_at is null`);
await time('public demands', `select count(*) from demand d where ${publicSql('demand', 'd')}`);
await time('own follow-ups', `select count(*) from follow_up f where f.published_at is not null and f.deleted_at is null`);
await time('public follow-ups', `select count(*) from follow_up f where ${publicSql('followUp', 'f')}`);
await time('demand rows own', `select id, paper_id, agenda_item_id, ordinal, title, text_html, source_quote, status, due_date, responsible_organization_id from demand d where d.published_at is not null and d.deleted_at is null order by id`);
await time('demand rows public', `select id, paper_id, agenda_item_id, ordinal, title, text_html, source_quote, status, due_date, responsible_organization_id from demand d where ${publicSql('demand', 'd')} order by id`);
console.log(publicSql('followUp', 'f'));
console.log((await c.execute(`explain query plan select count(*) from follow_up f where ${publicSql('followUp', 'f')}`)).rows.map(r => r.detail).join('\n'));
