-- schema.sql - the one definition of climb's database.
--
-- The file is a list of migration steps. A line "-- migration N" starts step N;
-- a new database runs every step in order, an existing one runs the steps above
-- its PRAGMA user_version. Steps are never edited once released: a change to the
-- schema is a new step at the end. Times are UTC seconds since the epoch.
-- User data refers to ladder content by id only, never by position or wording.

-- migration 1
CREATE TABLE profiles (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    title        TEXT,                       -- level id the person holds, NULL until set
    created_at   INTEGER NOT NULL,
    quiz_offered INTEGER NOT NULL DEFAULT 0, -- 1 once the first-launch quiz was offered
    stale_months INTEGER NOT NULL DEFAULT 12 -- evidence older than this is flagged
);

CREATE TABLE criterion_state (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'todo'
                 CHECK (state IN ('todo', 'doing', 'done', 'n/a')),
    done_at      INTEGER,                    -- when it last became done
    note         TEXT,                       -- the evidence behind it
    note_at      INTEGER,
    reason       TEXT,                       -- why it does not apply (n/a)
    text_at_done TEXT,                       -- the criterion's wording when ticked
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (profile_id, criterion_id)
) WITHOUT ROWID;

-- Append-only: every change of user data writes one row here in the same
-- transaction as the state it changes.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,   -- see docs/architecture.md for the kinds
    item       TEXT,            -- criterion, level or roadblock id
    value      TEXT,            -- the new value
    previous   TEXT,            -- the value it replaced
    detail     TEXT             -- extra, e.g. the reason given for n/a
);
CREATE INDEX events_by_time ON events (profile_id, at);
CREATE INDEX events_by_kind ON events (profile_id, kind, at, item, value);
-- The latest state event of each criterion before a date (history chart).
CREATE INDEX events_by_item ON events (profile_id, kind, item, at);

CREATE TABLE quiz_attempts (
    id         INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    event_uuid TEXT NOT NULL UNIQUE,
    taken_at   INTEGER NOT NULL,
    answers    TEXT NOT NULL,   -- one word per question: no, once, regularly
    yes        INTEGER NOT NULL,
    regularly  INTEGER NOT NULL,
    phase      INTEGER NOT NULL,
    on_edge_of INTEGER          -- NULL off the band boundaries
);
CREATE INDEX quiz_by_time ON quiz_attempts (profile_id, taken_at);

CREATE TABLE roadblock_flags (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    roadblock_id TEXT NOT NULL,
    flagged_at   INTEGER NOT NULL,
    PRIMARY KEY (profile_id, roadblock_id)
) WITHOUT ROWID;

-- The wording of each criterion as climb last saw it in the TUI, to tell a person
-- what a ladder update reworded, added or retired, and to show retired criteria.
CREATE TABLE ladder_seen (
    ladder_id TEXT NOT NULL,
    item_id   TEXT NOT NULL,
    phase     INTEGER NOT NULL,          -- the phase number it belonged to
    text      TEXT NOT NULL,
    retired   INTEGER NOT NULL DEFAULT 0, -- 1 once the ladder no longer has it
    PRIMARY KEY (ladder_id, item_id)
) WITHOUT ROWID;

-- migration 2
-- Whether an event was undone (an 'undo' event's item), looked up on every
-- re-derivation of an item; whether an event is the reverse an undo wrote (its
-- previous), looked up before an undo.
CREATE INDEX events_undone ON events (profile_id, item) WHERE kind = 'undo';
CREATE INDEX events_reverse ON events (profile_id, previous) WHERE kind = 'undo';

-- migration 3
-- Dated pieces of evidence behind a criterion, each with its links. A row is what
-- the latest 'evidence' event of its entry says (src/ops_events.c); the criterion's
-- older single note stays in criterion_state and is shown as its first entry.
CREATE TABLE evidence (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    entry        TEXT NOT NULL,             -- uuid of the event that added it
    criterion_id TEXT NOT NULL,
    text         TEXT NOT NULL,
    links        TEXT NOT NULL DEFAULT '[]', -- JSON array of URLs or references (PR-123)
    happened_at  INTEGER NOT NULL,           -- when the work happened (--date), else when added
    recorded_at  INTEGER NOT NULL,
    PRIMARY KEY (profile_id, entry)
) WITHOUT ROWID;
CREATE INDEX evidence_by_criterion ON evidence (profile_id, criterion_id, happened_at);

-- A target: the level a person aims for and by when (NULL: none).
ALTER TABLE profiles ADD COLUMN target_level TEXT;
ALTER TABLE profiles ADD COLUMN target_at INTEGER;
-- The name the promotion packet is written for (NULL: the profile's name).
ALTER TABLE profiles ADD COLUMN display_name TEXT;

-- migration 4
-- How often the person wants a check-in, in days (0: never asked); see docs/checkins.md.
ALTER TABLE profiles ADD COLUMN checkin_days INTEGER NOT NULL DEFAULT 0;

-- migration 5
-- What a front end remembers of how a person left it (the phase last viewed),
-- per profile: view state, not user data, so no events and no history line.
CREATE TABLE view_state (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    value      INTEGER NOT NULL,
    PRIMARY KEY (profile_id, name)
) WITHOUT ROWID;
-- Ticks given a date (tick --date), which count from that date in the history
-- chart: few, so the chart finds them here instead of dating every event
-- (store_history.c; the WHERE must match its DATED word for word).
CREATE INDEX events_dated ON events (profile_id, item, at)
    WHERE kind = 'state' AND value = 'done'
    AND detail GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*';
