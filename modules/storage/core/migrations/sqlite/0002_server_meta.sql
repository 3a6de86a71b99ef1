-- Nära schema version 2 (SQLite): facts about this database itself.

CREATE TABLE server_meta (
    key TEXT PRIMARY KEY,          -- 'instance': this database's identity, sent with every sync page
    value TEXT NOT NULL
);
