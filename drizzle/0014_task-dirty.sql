CREATE TABLE `task_dirty` (
	`account_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Hand-written: every write to a table the work queue's signals read marks its account(s) dirty; the feature
-- catalogue marks the whole book (0). The reconcile takes the marks and reconciles those accounts only.
CREATE TRIGGER `task_dirty_users_insert` AFTER INSERT ON `users` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_users_update` AFTER UPDATE ON `users` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_users_delete` AFTER DELETE ON `users` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_insert` AFTER INSERT ON `entitlements` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_update` AFTER UPDATE ON `entitlements` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_delete` AFTER DELETE ON `entitlements` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_insert` AFTER INSERT ON `usage_daily` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_update` AFTER UPDATE ON `usage_daily` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_delete` AFTER DELETE ON `usage_daily` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_insert` AFTER INSERT ON `milestones` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_update` AFTER UPDATE ON `milestones` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_delete` AFTER DELETE ON `milestones` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_insert` AFTER INSERT ON `qbrs` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_update` AFTER UPDATE ON `qbrs` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_delete` AFTER DELETE ON `qbrs` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_insert` AFTER INSERT ON `touchpoints` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_update` AFTER UPDATE ON `touchpoints` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_delete` AFTER DELETE ON `touchpoints` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_insert` AFTER INSERT ON `surveys` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_update` AFTER UPDATE ON `surveys` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_delete` AFTER DELETE ON `surveys` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_insert` AFTER INSERT ON `support_cases` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_update` AFTER UPDATE ON `support_cases` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_delete` AFTER DELETE ON `support_cases` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_insert` AFTER INSERT ON `renewals` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_update` AFTER UPDATE ON `renewals` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_delete` AFTER DELETE ON `renewals` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_insert` AFTER INSERT ON `health_snapshots` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_update` AFTER UPDATE ON `health_snapshots` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_delete` AFTER DELETE ON `health_snapshots` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_insert` AFTER INSERT ON `user_accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_update` AFTER UPDATE ON `user_accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.account_id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_delete` AFTER DELETE ON `user_accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.account_id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_insert` AFTER INSERT ON `accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_update` AFTER UPDATE ON `accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (NEW.id); INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_delete` AFTER DELETE ON `accounts` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_insert` AFTER INSERT ON `features` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (0); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_update` AFTER UPDATE ON `features` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (0); END;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_delete` AFTER DELETE ON `features` BEGIN INSERT OR IGNORE INTO task_dirty (account_id) VALUES (0); END;
