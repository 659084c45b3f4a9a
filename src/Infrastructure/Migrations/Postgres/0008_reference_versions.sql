-- Reference data can be read singly and corrected (PATCH with If-Match): each row has a version.
ALTER TABLE parks ADD version INT NOT NULL CONSTRAINT df_parks_version DEFAULT 1;
ALTER TABLE sectors ADD version INT NOT NULL CONSTRAINT df_sectors_version DEFAULT 1;
ALTER TABLE teams ADD version INT NOT NULL CONSTRAINT df_teams_version DEFAULT 1;
ALTER TABLE users ADD version INT NOT NULL CONSTRAINT df_users_version DEFAULT 1;
ALTER TABLE companies ADD version INT NOT NULL CONSTRAINT df_companies_version DEFAULT 1;
