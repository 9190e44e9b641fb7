-- Hand-written: health_snapshots is written a year of daily rows per account at a time (a backfill) or all rows at
-- once (the re-score after a weights change), and its per-row triggers ran their body, a sub-program, for every row
-- only to find the account already marked: about a third of those writes. The test moves into the WHEN clause, which
-- costs far less than running the body; an account is not marked when it or the whole book (account 0, which
-- rescoreSnapshots marks before its UPDATE) already is.
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_insert`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_insert` AFTER INSERT ON `health_snapshots` WHEN NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id IN (0, NEW.account_id)) BEGIN INSERT INTO task_dirty (account_id) VALUES (NEW.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_update`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_update` AFTER UPDATE ON `health_snapshots` WHEN NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = 0) BEGIN INSERT INTO task_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = NEW.account_id); INSERT INTO task_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id = OLD.account_id); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_delete`;
--> statement-breakpoint
CREATE TRIGGER `task_dirty_health_snapshots_delete` AFTER DELETE ON `health_snapshots` WHEN OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id IN (0, OLD.account_id)) BEGIN INSERT INTO task_dirty (account_id) VALUES (OLD.account_id); END;
