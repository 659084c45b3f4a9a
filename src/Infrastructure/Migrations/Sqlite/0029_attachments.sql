-- Evidence files on deals (佐证材料: bank receipts, capital verification reports, FX certificates …), each checked on upload to be
-- the PDF, PNG or JPEG it says it is. content holds the file unless Attachments:Directory keeps it, named by its sha256.
CREATE TABLE deal_attachments (
    id            INTEGER PRIMARY KEY,
    deal_id       INTEGER NOT NULL REFERENCES deals (id),
    kind          TEXT NOT NULL CHECK (kind IN ('bankReceipt', 'capitalVerification', 'fxCertificate', 'contract', 'registration', 'other')),
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes    INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256        TEXT NOT NULL,
    content       BLOB NULL,
    note          TEXT NULL,
    by_user_id    INTEGER NULL REFERENCES users (id),
    created_at    TEXT NOT NULL
);
CREATE INDEX ix_deal_attachments_deal ON deal_attachments (deal_id, id);
