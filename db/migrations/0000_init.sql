CREATE TABLE `body` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`classification` text,
	`website` text,
	`reply_deadline_days` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `body_external_id_unique` ON `body` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `body_slug_unique` ON `body` (`slug`);--> statement-breakpoint
CREATE TABLE `membership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`person_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text,
	`voting_right` integer DEFAULT false NOT NULL,
	`start_date` text,
	`end_date` text,
	`on_behalf_of_id` integer,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_person_org_role_idx` ON `membership` (`person_id`,`organization_id`,`role`);--> statement-breakpoint
CREATE TABLE `organization` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`kind` text NOT NULL,
	`classification` text,
	`parent_id` integer,
	`description_md` text,
	`description_html` text,
	`start_date` text,
	`end_date` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organization_external_id_unique` ON `organization` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `organization_slug_unique` ON `organization` (`slug`);--> statement-breakpoint
CREATE INDEX `organization_body_idx` ON `organization` (`body_id`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`form_of_address` text,
	`title` text,
	`given_name` text,
	`family_name` text,
	`position` text,
	`description_md` text,
	`description_html` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_external_id_unique` ON `person` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `person_slug_unique` ON `person` (`slug`);--> statement-breakpoint
CREATE TABLE `agenda_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`meeting_id` integer NOT NULL,
	`order` integer NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`public` integer DEFAULT true NOT NULL,
	`minutes_md` text,
	`minutes_html` text,
	`result` text,
	`resolution_md` text,
	`resolution_html` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_item_external_id_unique` ON `agenda_item` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_item_meeting_number_idx` ON `agenda_item` (`meeting_id`,`number`);--> statement-breakpoint
CREATE TABLE `meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`start` text NOT NULL,
	`end` text,
	`location` text,
	`occasion` text,
	`meeting_state` text DEFAULT 'planned' NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	`editorial_note` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_external_id_unique` ON `meeting` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_slug_unique` ON `meeting` (`slug`);--> statement-breakpoint
CREATE INDEX `meeting_start_idx` ON `meeting` (`start`);--> statement-breakpoint
CREATE TABLE `meeting_organization` (
	`meeting_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `organization_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_org_org_idx` ON `meeting_organization` (`organization_id`);--> statement-breakpoint
CREATE TABLE `consultation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`paper_id` integer NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`organization_id` integer,
	`role` text,
	`authoritative` integer DEFAULT false NOT NULL,
	`order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_paper_idx` ON `consultation` (`paper_id`);--> statement-breakpoint
CREATE INDEX `consultation_agenda_item_idx` ON `consultation` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`paper_id` integer,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`name` text NOT NULL,
	`file_name` text,
	`mime_type` text,
	`size` integer,
	`sha256` text,
	`text` text,
	`order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `file_external_id_unique` ON `file` (`external_id`);--> statement-breakpoint
CREATE INDEX `file_paper_idx` ON `file` (`paper_id`);--> statement-breakpoint
CREATE INDEX `file_sha256_idx` ON `file` (`sha256`);--> statement-breakpoint
CREATE TABLE `paper` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`body_id` integer NOT NULL,
	`slug` text NOT NULL,
	`reference` text,
	`file_number` text,
	`name` text NOT NULL,
	`paper_type` text NOT NULL,
	`date` text NOT NULL,
	`under_direction_of_id` integer,
	`text_kind` text DEFAULT 'original' NOT NULL,
	`text_source_note` text,
	`text_md` text,
	`text_html` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`under_direction_of_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_external_id_unique` ON `paper` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `paper_slug_unique` ON `paper` (`slug`);--> statement-breakpoint
CREATE INDEX `paper_body_date_idx` ON `paper` (`body_id`,`date`);--> statement-breakpoint
CREATE INDEX `paper_date_idx` ON `paper` (`date`);--> statement-breakpoint
CREATE TABLE `paper_originator` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`organization_id` integer,
	`person_id` integer,
	FOREIGN KEY (`paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "paper_originator_one" CHECK(("paper_originator"."organization_id" IS NULL) <> ("paper_originator"."person_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `paper_originator_paper_idx` ON `paper_originator` (`paper_id`);--> statement-breakpoint
CREATE TABLE `paper_relation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_paper_id` integer NOT NULL,
	`to_paper_id` integer NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`from_paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_relation_unique_idx` ON `paper_relation` (`from_paper_id`,`to_paper_id`,`kind`);--> statement-breakpoint
CREATE INDEX `paper_relation_to_idx` ON `paper_relation` (`to_paper_id`);--> statement-breakpoint
CREATE TABLE `demand` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`paper_id` integer,
	`agenda_item_id` integer,
	`ordinal` integer NOT NULL,
	`title` text NOT NULL,
	`text_md` text NOT NULL,
	`text_html` text NOT NULL,
	`source_quote` text,
	`status` text DEFAULT 'eingereicht' NOT NULL,
	`responsible_organization_id` integer,
	`due_date` text,
	FOREIGN KEY (`paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "demand_one_source" CHECK(("demand"."paper_id" IS NULL) <> ("demand"."agenda_item_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demand_external_id_unique` ON `demand` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `demand_paper_ordinal_idx` ON `demand` (`paper_id`,`ordinal`);--> statement-breakpoint
CREATE UNIQUE INDEX `demand_agenda_item_ordinal_idx` ON `demand` (`agenda_item_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `demand_status_idx` ON `demand` (`status`);--> statement-breakpoint
CREATE TABLE `follow_up` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`external_id` text,
	`demand_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`text_md` text NOT NULL,
	`text_html` text NOT NULL,
	`status_after` text,
	`next_due_date` text,
	`source_paper_id` integer,
	`source_agenda_item_id` integer,
	`source_quote` text,
	`author_id` integer,
	`ordinal` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`demand_id`) REFERENCES `demand`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_agenda_item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_external_id_unique` ON `follow_up` (`external_id`);--> statement-breakpoint
CREATE INDEX `follow_up_demand_idx` ON `follow_up` (`demand_id`,`date`);--> statement-breakpoint
CREATE TABLE `login_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`client_address` text NOT NULL,
	`at` text NOT NULL,
	`success` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempt_email_idx` ON `login_attempt` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempt_client_idx` ON `login_attempt` (`client_address`,`at`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_changed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `revision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	`action` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revision_row_idx` ON `revision` (`table_name`,`row_id`,`version`);--> statement-breakpoint
CREATE INDEX `revision_at_idx` ON `revision` (`at`);