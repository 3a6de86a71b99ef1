-- Nära schema version 4 (SQLite): self-monitoring (issue 4): measurements patients report from home,
-- their monitoring plans and the alerts they raise. Times are milliseconds since the Unix epoch, UTC.
-- Keep in step with ../postgres/0004_monitoring.sql.

CREATE TABLE monitoring_plans (
    patient_id TEXT PRIMARY KEY REFERENCES patients(id),
    unit_id TEXT NOT NULL REFERENCES care_units(id),  -- the unit that follows the plan
    plan TEXT NOT NULL,                                -- MonitoringPlan::toJson()
    updated_at INTEGER NOT NULL
);

CREATE TABLE measurements (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    type TEXT NOT NULL,            -- bloodPressure | pulse | glucose | weight | spo2 | pef | temperature
    value_json TEXT NOT NULL,      -- the values as a JSON array: [182, 95]
    at INTEGER NOT NULL,           -- when it was measured (received, for SMS)
    source TEXT NOT NULL,          -- portal | sms | staff
    created_at INTEGER NOT NULL
);
CREATE INDEX measurements_patient ON measurements(patient_id, type, at);

CREATE TABLE monitoring_alerts (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES inbox_items(id),  -- the inbox item (kind alert)
    patient_id TEXT NOT NULL REFERENCES patients(id),
    severity TEXT NOT NULL,        -- red | orange
    kind TEXT NOT NULL,            -- value | overdue | remark
    reason TEXT NOT NULL,          -- Swedish, as the inbox shows it
    measurement_id TEXT REFERENCES measurements(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX monitoring_alerts_patient ON monitoring_alerts(patient_id, created_at);
CREATE INDEX monitoring_alerts_item ON monitoring_alerts(item_id);
