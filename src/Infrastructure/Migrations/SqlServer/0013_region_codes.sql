-- Administrative region codes (GB/T 2260, six digits) of companies (where they come from: 省外资金 is
-- investment from outside the park's province) and parks, checked by the service against the table it
-- ships (src/Domain/Regions/gbt2260.csv). Optional: existing rows have none until corrected.
ALTER TABLE companies ADD region_code CHAR(6) NULL;
ALTER TABLE parks ADD region_code CHAR(6) NULL;
