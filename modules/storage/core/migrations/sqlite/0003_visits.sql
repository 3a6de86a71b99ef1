-- Nära schema version 3 (SQLite): video visits and consult calls (issue 3). Times are
-- milliseconds since the Unix epoch, UTC; NULL where the moment has not come yet.
-- Keep in step with ../postgres/0003_visits.sql.

CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES inbox_items(id),   -- the visit's inbox item (kind video)
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    patient_id TEXT REFERENCES patients(id),            -- NULL: a consult call between staff
    reason TEXT NOT NULL,
    booked_by TEXT NOT NULL REFERENCES staff(id),
    booked_at INTEGER NOT NULL,
    starts_at INTEGER NOT NULL,
    patient_arrived_at INTEGER,    -- the patient's first arrival in the waiting room
    patient_waiting_since INTEGER, -- the current wait; NULL when not waiting
    ready_camera INTEGER,          -- the patient's pre-call check (NULL: not reported)
    ready_microphone INTEGER,
    admitted_at INTEGER,
    ended_at INTEGER,
    outcome TEXT NOT NULL DEFAULT '', -- '' | done | follow_up | physical_visit | phone_instead
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visits_item ON visits(item_id);
CREATE INDEX visits_patient ON visits(patient_id);

CREATE TABLE visit_participants (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    ordinal INTEGER NOT NULL,      -- the order they were named in
    kind TEXT NOT NULL,            -- staff | patient
    participant_id TEXT NOT NULL,  -- staff.id or patients.id
    PRIMARY KEY (visit_id, kind, participant_id)
);
CREATE INDEX visit_participants_who ON visit_participants(kind, participant_id);
