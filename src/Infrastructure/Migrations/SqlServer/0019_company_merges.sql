-- A company merged into another (the same company entered twice, 撞单): its row stays, so that its id answers
-- where it went (301 to the survivor) instead of 404, and what pointed at it moved to the survivor.
ALTER TABLE companies ADD merged_into_id BIGINT NULL CONSTRAINT fk_companies_merged_into REFERENCES companies (id);
ALTER TABLE companies ADD merged_at DATETIME2 NULL;
