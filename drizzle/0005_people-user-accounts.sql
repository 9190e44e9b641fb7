CREATE TABLE `user_accounts` (
	`user_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_accounts_account` ON `user_accounts` (`account_id`);--> statement-breakpoint
DROP INDEX `usage_events_identity`;--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_identity` ON `usage_events` (`user_id`,`ts`,`event_id`,`account_id`);