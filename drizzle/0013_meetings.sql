ALTER TABLE `touchpoints` ADD `attendees` text;--> statement-breakpoint
ALTER TABLE `touchpoints` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `touchpoints` ADD `import_id` integer;--> statement-breakpoint
CREATE INDEX `touchpoints_external` ON `touchpoints` (`external_id`);