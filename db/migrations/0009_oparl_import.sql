CREATE TABLE `oparl_list_progress` (
	`source_id` integer NOT NULL,
	`list_url` text NOT NULL,
	`next_url` text,
	`done` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`source_id`, `list_url`),
	FOREIGN KEY (`source_id`) REFERENCES `oparl_source`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `oparl_record` (
	`external_id` text PRIMARY KEY NOT NULL,
	`source_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`web` text,
	FOREIGN KEY (`source_id`) REFERENCES `oparl_source`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oparl_record_row_idx` ON `oparl_record` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `oparl_source` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`system_url` text NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`completed_from` text,
	`run_started_at` text,
	`run_since` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oparl_source_system_url_unique` ON `oparl_source` (`system_url`);--> statement-breakpoint
DROP INDEX `membership_person_org_role_idx`;--> statement-breakpoint
CREATE INDEX `membership_person_org_role_idx` ON `membership` (`person_id`,`organization_id`,`role`);--> statement-breakpoint
DROP INDEX `agenda_item_meeting_number_idx`;--> statement-breakpoint
CREATE INDEX `agenda_item_meeting_number_idx` ON `agenda_item` (`meeting_id`,`number`);