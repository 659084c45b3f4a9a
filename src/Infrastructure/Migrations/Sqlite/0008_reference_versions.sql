-- Reference data can be read singly and corrected (PATCH with If-Match): each row has a version.
ALTER TABLE parks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sectors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE teams ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE companies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
