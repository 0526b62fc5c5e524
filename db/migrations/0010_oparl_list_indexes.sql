CREATE INDEX `membership_organization_idx` ON `membership` (`organization_id`);--> statement-breakpoint
CREATE INDEX `organization_body_updated_idx` ON `organization` (`body_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `organization_body_created_idx` ON `organization` (`body_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `person_body_idx` ON `person` (`body_id`);--> statement-breakpoint
CREATE INDEX `person_body_updated_idx` ON `person` (`body_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `person_body_created_idx` ON `person` (`body_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `meeting_body_idx` ON `meeting` (`body_id`);--> statement-breakpoint
CREATE INDEX `meeting_body_updated_idx` ON `meeting` (`body_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `meeting_body_created_idx` ON `meeting` (`body_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `file_meeting_idx` ON `file` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `file_agenda_item_idx` ON `file` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `paper_body_idx` ON `paper` (`body_id`);--> statement-breakpoint
CREATE INDEX `paper_body_updated_idx` ON `paper` (`body_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `paper_body_created_idx` ON `paper` (`body_id`,`created_at`);