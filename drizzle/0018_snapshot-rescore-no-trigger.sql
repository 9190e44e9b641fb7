-- Hand-written: the only UPDATE of health_snapshots is the re-score after a weights change (rescoreSnapshots), which
-- rewrites every row; the per-row trigger cost about a third of it to mark each account dirty over and over.
-- rescoreSnapshots marks the whole book dirty once instead (task_dirty account 0).
DROP TRIGGER IF EXISTS `task_dirty_health_snapshots_update`;
