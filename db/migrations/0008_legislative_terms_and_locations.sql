CREATE TABLE `legislative_term` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text,
	`end_date` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legislative_term_external_id_unique` ON `legislative_term` (`external_id`);--> statement-breakpoint
CREATE INDEX `legislative_term_body_idx` ON `legislative_term` (`body_id`);--> statement-breakpoint
CREATE TABLE `location` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer,
	`description` text,
	`street_address` text,
	`room` text,
	`postal_code` text,
	`sub_locality` text,
	`locality` text,
	`geojson` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `location_external_id_unique` ON `location` (`external_id`);--> statement-breakpoint
CREATE INDEX `location_body_idx` ON `location` (`body_id`);--> statement-breakpoint
ALTER TABLE `meeting` ADD `location_id` integer REFERENCES location(id);