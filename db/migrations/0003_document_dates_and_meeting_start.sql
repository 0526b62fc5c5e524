-- 1. Imported papers and follow-ups carry the document's own date as their publication and change time (noon UTC,
--    the same calendar day everywhere in Europe), so feeds date them by the document, not by the day of the import.
--    Only rows the import wrote once and nobody changed since are touched; a later edit keeps its real time.
UPDATE `paper` SET `published_at` = `date` || 'T12:00:00.000Z', `updated_at` = `date` || 'T12:00:00.000Z'
WHERE `published_at` IS NOT NULL AND `date` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  AND `id` IN (SELECT `row_id` FROM `revision` WHERE `table_name` = 'paper' GROUP BY `row_id` HAVING count(*) = 1 AND min(`action`) = 'import');
--> statement-breakpoint
UPDATE `follow_up` SET `published_at` = `date` || 'T12:00:00.000Z', `updated_at` = `date` || 'T12:00:00.000Z'
WHERE `published_at` IS NOT NULL AND `date` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  AND `id` IN (SELECT `row_id` FROM `revision` WHERE `table_name` = 'follow_up' GROUP BY `row_id` HAVING count(*) = 1 AND min(`action`) = 'import');
--> statement-breakpoint
-- 2. A demand raised in a meeting starts "in Beratung" (initialStatus in src/lib/domain/status-graph.ts); the back
--    office used to store it as "eingereicht", which made its status history step back.
UPDATE `demand` SET `status` = 'in_beratung' WHERE `agenda_item_id` IS NOT NULL AND `status` = 'eingereicht';
