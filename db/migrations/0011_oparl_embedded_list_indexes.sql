CREATE INDEX `membership_updated_idx` ON `membership` (`updated_at`);--> statement-breakpoint
CREATE INDEX `membership_created_idx` ON `membership` (`created_at`);--> statement-breakpoint
CREATE INDEX `agenda_item_updated_idx` ON `agenda_item` (`updated_at`);--> statement-breakpoint
CREATE INDEX `agenda_item_created_idx` ON `agenda_item` (`created_at`);--> statement-breakpoint
CREATE INDEX `meeting_location_idx` ON `meeting` (`location_id`);--> statement-breakpoint
CREATE INDEX `consultation_updated_idx` ON `consultation` (`updated_at`);--> statement-breakpoint
CREATE INDEX `consultation_created_idx` ON `consultation` (`created_at`);--> statement-breakpoint
CREATE INDEX `file_updated_idx` ON `file` (`updated_at`);--> statement-breakpoint
CREATE INDEX `file_created_idx` ON `file` (`created_at`);