-- The groups a ranking board (赛马榜) ranks within: parks, teams or officers, each unit in at most one group of its kind.
CREATE TABLE board_groups (
    id       BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_board_groups PRIMARY KEY,
    name     NVARCHAR(100) NOT NULL,
    unit     VARCHAR(5) NOT NULL CONSTRAINT ck_board_groups_unit CHECK (unit IN ('park', 'team', 'owner')),
    version  INTEGER NOT NULL CONSTRAINT df_board_groups_version DEFAULT 1
);
CREATE UNIQUE INDEX ux_board_groups_name ON board_groups (name);

CREATE TABLE board_group_members (
    group_id   BIGINT NOT NULL CONSTRAINT fk_board_group_members_group REFERENCES board_groups (id),
    unit       VARCHAR(5) NOT NULL,
    member_id  BIGINT NOT NULL,
    CONSTRAINT pk_board_group_members PRIMARY KEY (group_id, member_id)
);
CREATE UNIQUE INDEX ux_board_group_members_unit ON board_group_members (unit, member_id);
