-- Imports of an office's ledgers (台账): the file as uploaded (kept for the commit, which reads it again), what its dry run
-- and its commit found or did per row, and the counts. A row is keyed by (import, phase, row number): planned once, done once.
CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    file_name       TEXT    NULL,
    format          TEXT    NOT NULL,
    encoding        TEXT    NULL,
    size_bytes      BIGINT  NOT NULL,
    sha256          TEXT    NOT NULL,
    content         BLOB    NOT NULL,
    status          INTEGER NOT NULL,
    rows_total      INTEGER NOT NULL,
    rows_create     INTEGER NOT NULL,
    rows_update     INTEGER NOT NULL,
    rows_unchanged  INTEGER NOT NULL,
    rows_refused    INTEGER NOT NULL,
    by_user_id      INTEGER NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL,
    committed_at    TEXT    NULL,
    version         INTEGER NOT NULL
);

CREATE TABLE import_rows (
    import_id  INTEGER NOT NULL REFERENCES imports (id),
    phase      INTEGER NOT NULL,
    row_no     INTEGER NOT NULL,
    action     INTEGER NOT NULL,
    entity_id  BIGINT  NULL,
    code       TEXT    NULL,
    errors     TEXT    NULL,
    PRIMARY KEY (import_id, phase, row_no)
);
