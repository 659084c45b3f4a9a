-- The groups a ranking board (赛马榜) ranks within: parks, teams or officers, each unit in at most one group of its kind.
CREATE TABLE board_groups (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    unit     TEXT NOT NULL CHECK (unit IN ('park', 'team', 'owner')),
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_board_groups_name ON board_groups (name);

CREATE TABLE board_group_members (
    group_id   INTEGER NOT NULL REFERENCES board_groups (id),
    unit       TEXT NOT NULL,
    member_id  INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE UNIQUE INDEX ux_board_group_members_unit ON board_group_members (unit, member_id);
