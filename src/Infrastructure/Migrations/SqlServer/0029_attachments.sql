-- Evidence files on deals (佐证材料: bank receipts, capital verification reports, FX certificates …), each checked on upload to be
-- the PDF, PNG or JPEG it says it is. content holds the file unless Attachments:Directory keeps it, named by its sha256.
CREATE TABLE deal_attachments (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_attachments PRIMARY KEY,
    deal_id       BIGINT NOT NULL CONSTRAINT fk_deal_attachments_deal REFERENCES deals (id),
    kind          VARCHAR(20) NOT NULL CONSTRAINT ck_deal_attachments_kind CHECK (kind IN ('bankReceipt', 'capitalVerification', 'fxCertificate', 'contract', 'registration', 'other')),
    file_name     NVARCHAR(200) NOT NULL,
    content_type  VARCHAR(40) NOT NULL CONSTRAINT ck_deal_attachments_type CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes    BIGINT NOT NULL CONSTRAINT ck_deal_attachments_size CHECK (size_bytes > 0),
    sha256        VARCHAR(64) NOT NULL,
    content       VARBINARY(MAX) NULL,
    note          NVARCHAR(1000) NULL,
    by_user_id    BIGINT NULL CONSTRAINT fk_deal_attachments_user REFERENCES users (id),
    created_at    DATETIME2 NOT NULL
);
CREATE INDEX ix_deal_attachments_deal ON deal_attachments (deal_id, id);
