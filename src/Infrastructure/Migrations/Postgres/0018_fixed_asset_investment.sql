-- A deal's fixed-asset investment (固定资产投资: buildings, plant, equipment), the part of its intended
-- investment that 投资强度 (investment per 亩 of land) and most zones' registers count, in minor units of
-- the deal's currency like every amount.
ALTER TABLE deals ADD COLUMN fixed_asset_minor BIGINT NULL;
