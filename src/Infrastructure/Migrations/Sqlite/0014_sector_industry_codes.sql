-- A sector may carry its national industry code (GB/T 4754-2017: a section letter A to T, then a
-- division, group or class of two to four digits, e.g. C276 生物药品制品制造), so that statistics
-- offices' figures can be matched to the office's own sector tree.
ALTER TABLE sectors ADD COLUMN industry_code TEXT NULL;
