-- Nära schema version 1 (PostgreSQL). Times are milliseconds since the Unix epoch, UTC.
-- Keep in step with ../sqlite/0001_foundation.sql.

CREATE TABLE care_units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,            -- care_centre | dermatology | municipal
    region TEXT NOT NULL
);

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,            -- nurse | gp | physio | municipal_nurse | dermatologist | quality_lead | admin
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE staff_units (
    staff_id TEXT NOT NULL REFERENCES staff(id),
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    PRIMARY KEY (staff_id, unit_id)
);

CREATE TABLE patients (
    id TEXT PRIMARY KEY,
    personal_number TEXT NOT NULL UNIQUE,   -- 12 digits
    name TEXT NOT NULL,
    phone TEXT
);

CREATE TABLE care_relations (
    patient_id TEXT NOT NULL REFERENCES patients(id),
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    PRIMARY KEY (patient_id, unit_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,   -- SHA-256 of the bearer token, hex
    subject_kind TEXT NOT NULL,    -- staff | patient
    subject_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,   -- absolute expiry
    revoked_at BIGINT
);
CREATE INDEX sessions_subject ON sessions(subject_kind, subject_id);

CREATE TABLE audit_log (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    user_id TEXT,
    role TEXT,
    unit_id TEXT,
    patient_id TEXT,
    action TEXT NOT NULL,          -- read | create | update | print | export | login | ...
    object TEXT,
    reason TEXT,
    client TEXT,
    outcome TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log(patient_id, seq);

CREATE TABLE inbox_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,            -- chat | video | form | alert | referral | report
    state TEXT NOT NULL,           -- new | claimed | in_progress | waiting | done
    waiting_on TEXT,               -- patient | colleague (when state = waiting)
    priority TEXT NOT NULL,        -- stat | asap | urgent | routine
    priority_reason TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    owner_id TEXT REFERENCES staff(id),
    patient_id TEXT REFERENCES patients(id),
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    claimed_at BIGINT,
    last_activity_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX inbox_items_unit ON inbox_items(unit_id, state);
CREATE INDEX inbox_items_patient ON inbox_items(patient_id);

CREATE TABLE inbox_reads (
    item_id TEXT NOT NULL REFERENCES inbox_items(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    read_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, staff_id)
);

CREATE TABLE chat_messages (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES inbox_items(id),
    author_kind TEXT NOT NULL,     -- patient | staff
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    staff_only BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX chat_messages_item ON chat_messages(item_id, created_at);

CREATE TABLE change_log (
    seq BIGSERIAL PRIMARY KEY,
    unit_id TEXT NOT NULL,         -- who may see it: staff of this unit
    staff_id TEXT,                 -- when set, only this staff member (per-user state like reads)
    entity TEXT NOT NULL,          -- inbox_item | chat_message | inbox_read | patient
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,         -- the entity as JSON, as the sync API sends it
    at BIGINT NOT NULL
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);

CREATE TABLE sync_floor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    min_seq BIGINT NOT NULL       -- cursors below this were compacted away: 410
);
INSERT INTO sync_floor (id, min_seq) VALUES (1, 0);

CREATE TABLE idempotency_keys (
    subject_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (subject_id, idem_key)
);

CREATE TABLE portal_invitations (
    token_hash TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    item_id TEXT REFERENCES inbox_items(id),
    created_by TEXT NOT NULL REFERENCES staff(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    session_hash TEXT              -- the portal session it was exchanged for (SHA-256 hex)
);
