-- The demand status `erledigt` ("settled otherwise") showed green although it covered declined and unanswered
-- demands too. It is split into `erfuellt` (fulfilled), `von_verwaltung_abgelehnt` (declined by the administration)
-- and `erledigt_ohne_umsetzung` (settled without the demand being met); see src/lib/domain/status-graph.ts.
-- Stored rows cannot tell which outcome `erledigt` meant, so they become `erledigt_ohne_umsetzung`, which claims
-- neither fulfilment nor refusal and is allowed from every open status, like `erledigt` was. The one row whose outcome
-- is known, the seed's motion of the Greens (Grafschaft Bentheim) that the administration declined in
-- Mitteilungsvorlage 3.2/0076/2014, becomes `von_verwaltung_abgelehnt`. Revision snapshots are mapped the same way,
-- so an old version stays restorable and its diff readable.
UPDATE `follow_up` SET `status_after` = 'von_verwaltung_abgelehnt'
WHERE `status_after` = 'erledigt'
  AND `source_paper_id` IN (SELECT `id` FROM `paper` WHERE `reference` = '3.2/0076/2014')
  AND `demand_id` IN (SELECT `d`.`id` FROM `demand` `d` JOIN `paper` `p` ON `p`.`id` = `d`.`paper_id` WHERE `p`.`slug` = 'antrag-gruene-2014-03-05-willkommenskultur');
--> statement-breakpoint
UPDATE `revision` SET `snapshot` = json_set(`snapshot`, '$.statusAfter', 'von_verwaltung_abgelehnt')
WHERE `table_name` = 'follow_up' AND json_extract(`snapshot`, '$.statusAfter') = 'erledigt'
  AND `row_id` IN (SELECT `id` FROM `follow_up` WHERE `status_after` = 'von_verwaltung_abgelehnt');
--> statement-breakpoint
UPDATE `demand` SET `status` = 'von_verwaltung_abgelehnt'
WHERE `status` = 'erledigt'
  AND `id` IN (SELECT `demand_id` FROM `follow_up` WHERE `status_after` = 'von_verwaltung_abgelehnt');
--> statement-breakpoint
UPDATE `revision` SET `snapshot` = json_set(`snapshot`, '$.status', 'von_verwaltung_abgelehnt')
WHERE `table_name` = 'demand' AND json_extract(`snapshot`, '$.status') = 'erledigt'
  AND `row_id` IN (SELECT `id` FROM `demand` WHERE `status` = 'von_verwaltung_abgelehnt');
--> statement-breakpoint
UPDATE `follow_up` SET `status_after` = 'erledigt_ohne_umsetzung' WHERE `status_after` = 'erledigt';
--> statement-breakpoint
UPDATE `demand` SET `status` = 'erledigt_ohne_umsetzung' WHERE `status` = 'erledigt';
--> statement-breakpoint
UPDATE `revision` SET `snapshot` = json_set(`snapshot`, '$.statusAfter', 'erledigt_ohne_umsetzung')
WHERE `table_name` = 'follow_up' AND json_extract(`snapshot`, '$.statusAfter') = 'erledigt';
--> statement-breakpoint
UPDATE `revision` SET `snapshot` = json_set(`snapshot`, '$.status', 'erledigt_ohne_umsetzung')
WHERE `table_name` = 'demand' AND json_extract(`snapshot`, '$.status') = 'erledigt';
