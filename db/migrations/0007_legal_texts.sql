CREATE TABLE `legal_text` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`body_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text_md` text NOT NULL,
	`text_html` text NOT NULL,
	`placeholder` integer DEFAULT false NOT NULL,
	`conformance` text,
	`prepared_on` text,
	`feedback_email` text,
	`enforcement_md` text,
	`enforcement_html` text,
	`feedback_phone` text,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legal_text_body_kind_idx` ON `legal_text` (`body_id`,`kind`);