-- A progress database as Entente wrote it with schema version 1 (before exams):
-- the version-1 schema, verbatim, and one card with one review.
PRAGMA application_id = 1164866661;
CREATE TABLE card_state (  pack_id        TEXT    NOT NULL,  card_id        TEXT    NOT NULL,  due            INTEGER NOT NULL,  stability      REAL    NOT NULL,  difficulty     REAL    NOT NULL,  elapsed_days   INTEGER NOT NULL,  scheduled_days INTEGER NOT NULL,  learning_steps INTEGER NOT NULL,  reps           INTEGER NOT NULL,  lapses         INTEGER NOT NULL,  state          INTEGER NOT NULL,  last_review    INTEGER NOT NULL,  PRIMARY KEY (pack_id, card_id)) WITHOUT ROWID;
CREATE TABLE review_log (  id                    INTEGER PRIMARY KEY AUTOINCREMENT,  pack_id               TEXT    NOT NULL,  card_id               TEXT    NOT NULL,  review_time           INTEGER NOT NULL,  rating                INTEGER NOT NULL,  answer_ms             INTEGER NOT NULL,  log_state             INTEGER NOT NULL,  log_due               INTEGER NOT NULL,  log_stability         REAL    NOT NULL,  log_difficulty        REAL    NOT NULL,  log_elapsed_days      INTEGER NOT NULL,  log_last_elapsed_days INTEGER NOT NULL,  log_scheduled_days    INTEGER NOT NULL,  log_learning_steps    INTEGER NOT NULL,  before_due            INTEGER,  before_stability      REAL,  before_difficulty     REAL,  before_elapsed_days   INTEGER,  before_scheduled_days INTEGER,  before_learning_steps INTEGER,  before_reps           INTEGER,  before_lapses         INTEGER,  before_state          INTEGER,  before_last_review    INTEGER,  after_due             INTEGER NOT NULL,  after_stability       REAL    NOT NULL,  after_difficulty      REAL    NOT NULL,  after_elapsed_days    INTEGER NOT NULL,  after_scheduled_days  INTEGER NOT NULL,  after_learning_steps  INTEGER NOT NULL,  after_reps            INTEGER NOT NULL,  after_lapses          INTEGER NOT NULL,  after_state           INTEGER NOT NULL,  after_last_review     INTEGER NOT NULL);
CREATE UNIQUE INDEX review_log_identity ON review_log (pack_id, card_id, review_time, rating);
CREATE INDEX review_log_pack_time ON review_log (pack_id, review_time);
CREATE INDEX review_log_time ON review_log (review_time);

INSERT INTO card_state VALUES ('pack', 'card-1', 1795953600000, 2.5, 5.25, 0, 1, 0, 1, 0, 2, 1795867200000);
INSERT INTO review_log VALUES (1, 'pack', 'card-1', 1795867200000, 3, 1500, 0, 1795867200000, 0, 0, 0, 0, 0, 0,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  1795953600000, 2.5, 5.25, 0, 1, 0, 1, 0, 2, 1795867200000);
PRAGMA user_version = 1;
