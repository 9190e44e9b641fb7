ALTER TABLE `renewals` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `renewals` ADD `note` text;--> statement-breakpoint
ALTER TABLE `renewals` ADD `import_id` integer REFERENCES imports(id);