CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`signal_key` text,
	`title` text NOT NULL,
	`reason` text,
	`facts` text,
	`due` text,
	`priority` text DEFAULT 'medium' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`snoozed_until` text,
	`dismiss_reason` text,
	`closed_by` text,
	`closed_on` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_signal` ON `tasks` (`account_id`,`kind`,`signal_key`);--> statement-breakpoint
CREATE INDEX `tasks_status` ON `tasks` (`status`,`due`);