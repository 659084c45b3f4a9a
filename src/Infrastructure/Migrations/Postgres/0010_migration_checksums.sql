-- Each applied script's SHA-256 (of its text with \n line ends): a script changed after it was
-- applied stops the service at start instead of leaving databases that differ.
ALTER TABLE schema_version ADD COLUMN checksum CHAR(64) NULL;
