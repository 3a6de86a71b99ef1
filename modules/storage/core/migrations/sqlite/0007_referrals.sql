-- Nära schema version 7 (SQLite): dermatology image referrals (issue 5). Images are uploaded before
-- the referral that names them; the image bytes live in the image store (<data-dir>/images), the
-- rows here say what they are, who uploaded them and which referral names them. Times are
-- milliseconds since the Unix epoch, UTC.
-- Keep in step with ../postgres/0007_referrals.sql.

-- One row per image id: the SHA-256 (hex) of the bytes the workstation uploaded. The server ran
-- the image pipeline again: stored_hash and thumbnail_hash address its own re-encoded JPEGs.
CREATE TABLE uploaded_images (
    id TEXT PRIMARY KEY,
    stored_hash TEXT NOT NULL,
    thumbnail_hash TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES staff(id),  -- the first uploader
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX uploaded_images_stored ON uploaded_images(stored_hash);
CREATE INDEX uploaded_images_thumbnail ON uploaded_images(thumbnail_hash);

-- Everyone who uploaded the image (the same content sent by two people is stored once), and when
-- they last did: an uploader may name the image in a referral, and sees it while no referral does.
CREATE TABLE image_uploaders (
    image_id TEXT NOT NULL REFERENCES uploaded_images(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    uploaded_at INTEGER NOT NULL,
    PRIMARY KEY (image_id, staff_id)
);
CREATE INDEX image_uploaders_time ON image_uploaders(uploaded_at);

CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES inbox_items(id),        -- in the dermatology unit's pool
    sender_item_id TEXT REFERENCES inbox_items(id),          -- in the sending unit, once there is news
    patient_id TEXT NOT NULL REFERENCES patients(id),
    from_unit_id TEXT NOT NULL REFERENCES care_units(id),
    to_unit_id TEXT NOT NULL REFERENCES care_units(id),
    sent_by TEXT NOT NULL REFERENCES staff(id),
    sent_by_name TEXT NOT NULL DEFAULT '', -- display names as they were: the other unit does not know the staff
    sent_at INTEGER NOT NULL,
    priority TEXT NOT NULL,            -- routine | urgent
    question TEXT NOT NULL,
    history_json TEXT NOT NULL,        -- {"duration","changedRecently","itchOrBleeding","earlierSkinCancer"}
    body_site_code TEXT NOT NULL,      -- SNOMED CT (modules/referrals/core/dermatologycatalog)
    body_site_display TEXT NOT NULL,
    state TEXT NOT NULL,               -- sent | needs_info | answered | acknowledged
    due_at INTEGER NOT NULL,
    info_requests_json TEXT NOT NULL,  -- [{"question","askedBy","askedByName","askedAt","reply","repliedBy",
                                       --   "repliedByName","repliedAt"}]
    answer_json TEXT,                  -- the answer as the entity sends it; NULL until answered
    acknowledged_by TEXT REFERENCES staff(id),
    acknowledged_by_name TEXT,
    acknowledged_at INTEGER
);
CREATE INDEX referrals_patient ON referrals(patient_id);
CREATE INDEX referrals_from_unit ON referrals(from_unit_id, state);
CREATE INDEX referrals_to_unit ON referrals(to_unit_id, state);

-- The images a referral names, in order.
CREATE TABLE referral_images (
    referral_id TEXT NOT NULL REFERENCES referrals(id),
    ordinal INTEGER NOT NULL,          -- 0 first
    image_id TEXT NOT NULL REFERENCES uploaded_images(id),
    image_view TEXT NOT NULL,          -- overview | close_up | dermoscopy
    taken_at INTEGER NOT NULL,         -- 0: not known
    added_at INTEGER NOT NULL,
    PRIMARY KEY (referral_id, ordinal),
    UNIQUE (referral_id, image_id)
);
CREATE INDEX referral_images_image ON referral_images(image_id);
