CREATE TABLE `support_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`ticket_id` text NOT NULL,
	`source` text NOT NULL,
	`subject` text,
	`opened_date` text NOT NULL,
	`solved_date` text,
	`status` text NOT NULL,
	`priority` text,
	`sla_breached` integer,
	`requester_email` text,
	`matched_by` text NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_cases_ticket` ON `support_cases` (`source`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `support_cases_account` ON `support_cases` (`account_id`,`opened_date`);--> statement-breakpoint
ALTER TABLE `surveys` ADD `comment` text;--> statement-breakpoint
ALTER TABLE `surveys` ADD `import_id` integer REFERENCES imports(id);--> statement-breakpoint
ALTER TABLE `surveys` ADD `response_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_response` ON `surveys` (`account_id`,`kind`,`response_id`);