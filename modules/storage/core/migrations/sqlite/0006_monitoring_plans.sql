-- Nära schema version 6 (SQLite): monitoring plans staff edit (a version for optimistic
-- concurrency, who saved it last; the plan column holds the JSON text "null" once monitoring has
-- ended), the measurement type of each alert, and the guard of the overdue sweep.
-- Keep in step with ../postgres/0006_monitoring_plans.sql.

ALTER TABLE monitoring_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE monitoring_plans ADD COLUMN updated_by TEXT;
-- The alert's measurement type key (value and overdue alerts); NULL for a remark.
ALTER TABLE monitoring_alerts ADD COLUMN measurement_type TEXT;

-- One row per overdue alert raised: a planned type of a patient, counted from its last measurement
-- (or the plan's start). The key keeps two sweeps (two server processes) from raising the same one.
CREATE TABLE monitoring_overdue (
    patient_id TEXT NOT NULL REFERENCES patients(id),
    type TEXT NOT NULL,
    counted_from INTEGER NOT NULL,  -- the last measurement's time, or the plan's start
    item_id TEXT NOT NULL,         -- the inbox item (kind alert) it raised
    created_at INTEGER NOT NULL,
    PRIMARY KEY (patient_id, type, counted_from)
);
