-- Nära schema version 5 (SQLite): digital forms (issue 4): form requests (one per occasion a patient
-- is asked to answer a questionnaire) and the answers. Times are milliseconds since the Unix epoch, UTC.
-- Keep in step with ../postgres/0005_forms.sql.

CREATE TABLE form_requests (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL,           -- the occasions sent together share it
    occasion INTEGER NOT NULL,         -- 1-based
    occasions INTEGER NOT NULL,        -- in the series
    patient_id TEXT NOT NULL REFERENCES patients(id),
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    questionnaire_id TEXT NOT NULL,    -- a bundled questionnaire: phq-9 | gad-7 | physio-follow-up | pre-visit-symptoms
    title TEXT NOT NULL,               -- the questionnaire's Swedish title when sent
    available_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    state TEXT NOT NULL,               -- pending | answered | overdue | cancelled
    item_id TEXT REFERENCES inbox_items(id),  -- the form item (answered, or overdue)
    response_id TEXT,                  -- form_responses.id once answered
    sent_by TEXT NOT NULL REFERENCES staff(id),
    sent_at INTEGER NOT NULL,
    answered_at INTEGER,
    notified_at INTEGER,               -- when the patient was sent a link (SMS) for this occasion
    link_prefix TEXT NOT NULL,         -- "<portal base>/portal/#": links for later occasions
    version INTEGER NOT NULL
);
CREATE INDEX form_requests_patient ON form_requests(patient_id, state, available_at);
CREATE INDEX form_requests_series ON form_requests(series_id, occasion);
CREATE INDEX form_requests_due ON form_requests(state, due_at);
CREATE INDEX form_requests_notify ON form_requests(state, notified_at, available_at);

CREATE TABLE form_responses (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE REFERENCES form_requests(id),  -- one answer per request
    patient_id TEXT NOT NULL REFERENCES patients(id),
    unit_id TEXT NOT NULL REFERENCES care_units(id),
    questionnaire_id TEXT NOT NULL,
    item_id TEXT NOT NULL REFERENCES inbox_items(id),
    authored_at INTEGER NOT NULL,
    score_json TEXT,                   -- the score as the form_response entity sends it; NULL: not scored
    response_json TEXT NOT NULL        -- the FHIR QuestionnaireResponse
);
CREATE INDEX form_responses_patient ON form_responses(patient_id, questionnaire_id, authored_at);
