-- Imports of an office's ledgers (台账): the file as uploaded (kept for the commit, which reads it again), what its dry run
-- and its commit found or did per row, and the counts. A row is keyed by (import, phase, row number): planned once, done once.
CREATE TABLE imports (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_imports PRIMARY KEY,
    kind            NVARCHAR(40)  NOT NULL,
    file_name       NVARCHAR(400) NULL,
    format          NVARCHAR(10)  NOT NULL,
    encoding        NVARCHAR(20)  NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          CHAR(64) NOT NULL,
    content         VARBINARY(MAX) NOT NULL,
    status          INT    NOT NULL,
    rows_total      INT    NOT NULL,
    rows_create     INT    NOT NULL,
    rows_update     INT    NOT NULL,
    rows_unchanged  INT    NOT NULL,
    rows_refused    INT    NOT NULL,
    by_user_id      BIGINT NULL CONSTRAINT fk_imports_user REFERENCES users (id),
    created_at      DATETIME2 NOT NULL,
    committed_at    DATETIME2 NULL,
    version         INT    NOT NULL
);

CREATE TABLE import_rows (
    import_id  BIGINT NOT NULL CONSTRAINT fk_import_rows_import REFERENCES imports (id),
    phase      INT    NOT NULL,
    row_no     INT    NOT NULL,
    action     INT    NOT NULL,
    entity_id  BIGINT NULL,
    code       NVARCHAR(60) NULL,
    errors     NVARCHAR(MAX) NULL,
    CONSTRAINT pk_import_rows PRIMARY KEY (import_id, phase, row_no)
);
