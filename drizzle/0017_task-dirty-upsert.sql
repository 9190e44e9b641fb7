-- Hand-written: SQLite lets an UPSERT (INSERT ... ON CONFLICT DO UPDATE) that fires a trigger override the trigger's
-- own INSERT OR IGNORE, so a second write to the same usage_daily row failed with UNIQUE on task_dirty. Each trigger
-- now inserts only when the mark is missing (and never a NULL account, which would take a fresh rowid).
DROP TRIGGER IF EXISTS `task_dirty_users_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_users_insert` AFTER INSERT ON `users` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_users_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_users_update` AFTER UPDATE ON `users` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_users_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_users_delete` AFTER DELETE ON `users` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_entitlements_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_insert` AFTER INSERT ON `entitlements` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_entitlements_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_update` AFTER UPDATE ON `entitlements` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_entitlements_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_entitlements_delete` AFTER DELETE ON `entitlements` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_insert` AFTER INSERT ON `usage_daily` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_update` AFTER UPDATE ON `usage_daily` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_usage_daily_delete` AFTER DELETE ON `usage_daily` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_milestones_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_insert` AFTER INSERT ON `milestones` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_milestones_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_update` AFTER UPDATE ON `milestones` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_milestones_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_milestones_delete` AFTER DELETE ON `milestones` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_qbrs_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_insert` AFTER INSERT ON `qbrs` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_qbrs_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_update` AFTER UPDATE ON `qbrs` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_qbrs_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_qbrs_delete` AFTER DELETE ON `qbrs` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_touchpoints_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_insert` AFTER INSERT ON `touchpoints` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_touchpoints_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_update` AFTER UPDATE ON `touchpoints` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_touchpoints_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_touchpoints_delete` AFTER DELETE ON `touchpoints` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_surveys_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_insert` AFTER INSERT ON `surveys` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_surveys_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_update` AFTER UPDATE ON `surveys` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_surveys_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_surveys_delete` AFTER DELETE ON `surveys` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_support_cases_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_insert` AFTER INSERT ON `support_cases` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_support_cases_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_update` AFTER UPDATE ON `support_cases` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_support_cases_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_support_cases_delete` AFTER DELETE ON `support_cases` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_renewals_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_insert` AFTER INSERT ON `renewals` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_renewals_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_update` AFTER UPDATE ON `renewals` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_renewals_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_renewals_delete` AFTER DELETE ON `renewals` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_insert` AFTER INSERT ON `health_snapshots` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_update` AFTER UPDATE ON `health_snapshots` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_delete` AFTER DELETE ON `health_snapshots` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_user_accounts_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_insert` AFTER INSERT ON `user_accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_user_accounts_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_update` AFTER UPDATE ON `user_accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_user_accounts_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_user_accounts_delete` AFTER DELETE ON `user_accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_accounts_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_insert` AFTER INSERT ON `accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.id WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_accounts_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_update` AFTER UPDATE ON `accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.id WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.id); INSERT INTO task_dirty (account_id) SELECT OLD.id WHERE OLD.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_accounts_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_accounts_delete` AFTER DELETE ON `accounts` BEGIN INSERT INTO task_dirty (account_id) SELECT OLD.id WHERE OLD.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_features_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_insert` AFTER INSERT ON `features` BEGIN INSERT INTO task_dirty (account_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = 0); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_features_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_update` AFTER UPDATE ON `features` BEGIN INSERT INTO task_dirty (account_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = 0); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_features_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_features_delete` AFTER DELETE ON `features` BEGIN INSERT INTO task_dirty (account_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = 0); END;
