/* entente-progress-store.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code that touches the progress database. Durability: WAL with synchronous=FULL,
 * so a commit has reached the disk (fsync of the WAL) before record_review () returns; a
 * killed process loses nothing acknowledged and a power cut neither. NORMAL would survive a
 * killed process too (the OS keeps the written WAL) but not a power cut, and FULL costs
 * well under a millisecond per grade here (docs/benchmarks.md).
 *
 * Opening checks the file before trusting it: one that SQLite cannot read, that fails
 * PRAGMA integrity_check, or that is some other program's database is moved aside with its
 * -wal/-shm/-journal files and replaced by a fresh one; one from a newer schema opens
 * read-only. The probe's connection never checkpoints (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE),
 * so a file that is moved aside is kept as it was found.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "entente-progress-store.h"

/* "Ente", so that another program's SQLite file at our path is recognised as not ours. */
#define APPLICATION_ID 0x456e7465
#define BUSY_TIMEOUT_MS 5000
#define MAX_ID_LENGTH 64

struct _EntenteProgressStore
{
  GObject        parent_instance;

  char          *path;
  char          *moved_aside_path;
  char          *notice;
  sqlite3       *db;
  sqlite3_stmt **stmts;
  gboolean       read_only;
  gboolean       newer;      /* read-only because a newer Entente wrote it */
};

static void entente_progress_store_initable_iface_init (GInitableIface *iface);

/* GAsyncInitable's default implementation runs GInitable's init in a worker thread. */
G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteProgressStore, entente_progress_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      entente_progress_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

G_DEFINE_QUARK (entente-progress-store-error-quark, entente_progress_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_MOVED_ASIDE_PATH,
  PROP_NOTICE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The columns of a card's state, in the order of EntenteFsrsCard. */
#define CARD_COLUMNS(p) \
  p "due, " p "stability, " p "difficulty, " p "elapsed_days, " p "scheduled_days, " \
  p "learning_steps, " p "reps, " p "lapses, " p "state, " p "last_review"
#define N_CARD_COLUMNS 10
#define CARD_PARAMS "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"

#define LOG_COLUMNS \
  "log_state, log_due, log_stability, log_difficulty, log_elapsed_days, " \
  "log_last_elapsed_days, log_scheduled_days, log_learning_steps"
#define LOG_PARAMS "?, ?, ?, ?, ?, ?, ?, ?"

#define REVIEW_COLUMNS \
  "id, pack_id, card_id, review_time, rating, answer_ms, " LOG_COLUMNS ", " \
  CARD_COLUMNS ("before_") ", " CARD_COLUMNS ("after_")

/* Schema migrations: migrations[i] takes PRAGMA user_version from i to i + 1, in one
 * transaction with the version bump. A new version appends a step; steps never change. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "PRAGMA application_id = 1164866661;"
  "CREATE TABLE card_state ("
  "  pack_id        TEXT    NOT NULL,"
  "  card_id        TEXT    NOT NULL,"
  "  due            INTEGER NOT NULL,"
  "  stability      REAL    NOT NULL,"
  "  difficulty     REAL    NOT NULL,"
  "  elapsed_days   INTEGER NOT NULL,"
  "  scheduled_days INTEGER NOT NULL,"
  "  learning_steps INTEGER NOT NULL,"
  "  reps           INTEGER NOT NULL,"
  "  lapses         INTEGER NOT NULL,"
  "  state          INTEGER NOT NULL,"
  "  last_review    INTEGER NOT NULL,"
  "  PRIMARY KEY (pack_id, card_id)"
  ") WITHOUT ROWID;"
  /* Append-only, apart from undo. The before_ columns are the stored state before the
   * review, all NULL when the card had none; the log_ columns are the scheduler's log. */
  "CREATE TABLE review_log ("
  "  id                    INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  pack_id               TEXT    NOT NULL,"
  "  card_id               TEXT    NOT NULL,"
  "  review_time           INTEGER NOT NULL,"
  "  rating                INTEGER NOT NULL,"
  "  answer_ms             INTEGER NOT NULL,"
  "  log_state             INTEGER NOT NULL,"
  "  log_due               INTEGER NOT NULL,"
  "  log_stability         REAL    NOT NULL,"
  "  log_difficulty        REAL    NOT NULL,"
  "  log_elapsed_days      INTEGER NOT NULL,"
  "  log_last_elapsed_days INTEGER NOT NULL,"
  "  log_scheduled_days    INTEGER NOT NULL,"
  "  log_learning_steps    INTEGER NOT NULL,"
  "  before_due            INTEGER,"
  "  before_stability      REAL,"
  "  before_difficulty     REAL,"
  "  before_elapsed_days   INTEGER,"
  "  before_scheduled_days INTEGER,"
  "  before_learning_steps INTEGER,"
  "  before_reps           INTEGER,"
  "  before_lapses         INTEGER,"
  "  before_state          INTEGER,"
  "  before_last_review    INTEGER,"
  "  after_due             INTEGER NOT NULL,"
  "  after_stability       REAL    NOT NULL,"
  "  after_difficulty      REAL    NOT NULL,"
  "  after_elapsed_days    INTEGER NOT NULL,"
  "  after_scheduled_days  INTEGER NOT NULL,"
  "  after_learning_steps  INTEGER NOT NULL,"
  "  after_reps            INTEGER NOT NULL,"
  "  after_lapses          INTEGER NOT NULL,"
  "  after_state           INTEGER NOT NULL,"
  "  after_last_review     INTEGER NOT NULL"
  ");"
  /* A review's identity (what import merges on), and a card's reviews in time order. */
  "CREATE UNIQUE INDEX review_log_identity ON review_log (pack_id, card_id, review_time, rating);"
  "CREATE INDEX review_log_pack_time ON review_log (pack_id, review_time);"
  "CREATE INDEX review_log_time ON review_log (review_time);",
  /* 1 → 2: finished exams and map quizzes (kind 1 exam, 2 map quiz; json as the exam or
   * map quiz module wrote it), and one exam in progress per pack. */
  "CREATE TABLE result ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  pack_id    TEXT    NOT NULL,"
  "  kind       INTEGER NOT NULL,"
  "  time       INTEGER NOT NULL,"
  "  n_correct  INTEGER NOT NULL,"
  "  n_total    INTEGER NOT NULL,"
  "  elapsed_ms INTEGER NOT NULL,"
  "  json       TEXT    NOT NULL"
  ");"
  "CREATE INDEX result_pack_time ON result (pack_id, time);"
  "CREATE TABLE exam_in_progress ("
  "  pack_id TEXT NOT NULL PRIMARY KEY,"
  "  json    TEXT NOT NULL"
  ") WITHOUT ROWID;",
  /* 2 → 3: the all-time counts of count_reviews () read from this index alone, without
   * visiting the table's rows (docs/benchmarks.md, "Statistics"). */
  "CREATE INDEX review_log_pack_state_rating ON review_log (pack_id, log_state, rating);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ENTENTE_PROGRESS_STORE_SCHEMA_VERSION);
G_STATIC_ASSERT (APPLICATION_ID == 1164866661);

/* Statements prepared once and kept for the life of the store. */
typedef enum
{
  STMT_SELECT_CARD,
  STMT_UPSERT_CARD,
  STMT_INSERT_CARD_IF_NONE,
  STMT_DELETE_CARD,
  STMT_INSERT_REVIEW,
  STMT_IMPORT_REVIEW,
  STMT_SELECT_REVIEW_BEFORE,
  STMT_SELECT_LAST_RECORDED,
  STMT_SELECT_LATEST_REVIEW,
  STMT_DELETE_REVIEW,
  STMT_LOAD_PACK,
  STMT_LOAD_LEARNED,
  STMT_COUNT_REVIEWS_PACK,
  STMT_COUNT_REVIEWS_ALL,
  STMT_COUNT_NEW_PACK,
  STMT_COUNT_NEW_ALL,
  STMT_ANY_REVIEW_PACK,
  STMT_ANY_REVIEW_ALL,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_SELECT_CARD] =
    "SELECT " CARD_COLUMNS ("") " FROM card_state WHERE pack_id = ? AND card_id = ?",
  [STMT_UPSERT_CARD] =
    "INSERT OR REPLACE INTO card_state (pack_id, card_id, " CARD_COLUMNS ("") ") "
    "VALUES (?, ?, " CARD_PARAMS ")",
  [STMT_INSERT_CARD_IF_NONE] =
    "INSERT OR IGNORE INTO card_state (pack_id, card_id, " CARD_COLUMNS ("") ") "
    "VALUES (?, ?, " CARD_PARAMS ")",
  [STMT_DELETE_CARD] =
    "DELETE FROM card_state WHERE pack_id = ? AND card_id = ?",
  [STMT_INSERT_REVIEW] =
    "INSERT INTO review_log (pack_id, card_id, review_time, rating, answer_ms, "
    LOG_COLUMNS ", " CARD_COLUMNS ("before_") ", " CARD_COLUMNS ("after_") ") "
    "VALUES (?, ?, ?, ?, ?, " LOG_PARAMS ", " CARD_PARAMS ", " CARD_PARAMS ")",
  [STMT_IMPORT_REVIEW] =
    "INSERT OR IGNORE INTO review_log (pack_id, card_id, review_time, rating, answer_ms, "
    LOG_COLUMNS ", " CARD_COLUMNS ("before_") ", " CARD_COLUMNS ("after_") ") "
    "VALUES (?, ?, ?, ?, ?, " LOG_PARAMS ", " CARD_PARAMS ", " CARD_PARAMS ")",
  [STMT_SELECT_REVIEW_BEFORE] =
    "SELECT pack_id, card_id, before_state IS NOT NULL, " CARD_COLUMNS ("before_") ", "
    CARD_COLUMNS ("after_") " FROM review_log WHERE id = ?",
  [STMT_SELECT_LAST_RECORDED] =
    "SELECT max(id) FROM review_log WHERE pack_id = ? AND card_id = ?",
  /* Without the hint, SQLite walks the pack's whole log in time order instead. */
  [STMT_SELECT_LATEST_REVIEW] =
    "SELECT id, " CARD_COLUMNS ("after_") " FROM review_log INDEXED BY review_log_identity "
    "WHERE pack_id = ? AND card_id = ? ORDER BY review_time DESC, id DESC LIMIT 1",
  [STMT_DELETE_REVIEW] =
    "DELETE FROM review_log WHERE id = ?",
  [STMT_LOAD_PACK] =
    "SELECT card_id, " CARD_COLUMNS ("") " FROM card_state WHERE pack_id = ?",
  [STMT_LOAD_LEARNED] =
    "SELECT card_id FROM card_state WHERE pack_id = ? AND state != 0",
  [STMT_COUNT_REVIEWS_PACK] =
    "SELECT count(*) FROM review_log "
    "WHERE pack_id = ?3 AND review_time >= ?1 AND review_time < ?2",
  [STMT_COUNT_REVIEWS_ALL] =
    "SELECT count(*) FROM review_log WHERE review_time >= ?1 AND review_time < ?2",
  [STMT_COUNT_NEW_PACK] =
    "SELECT count(DISTINCT card_id) FROM review_log "
    "WHERE pack_id = ?3 AND review_time >= ?1 AND review_time < ?2 AND log_state = 0",
  [STMT_COUNT_NEW_ALL] =
    "SELECT count(*) FROM (SELECT DISTINCT pack_id, card_id FROM review_log "
    "WHERE review_time >= ?1 AND review_time < ?2 AND log_state = 0)",
  [STMT_ANY_REVIEW_PACK] =
    "SELECT 1 FROM review_log "
    "WHERE pack_id = ?3 AND review_time >= ?1 AND review_time < ?2 LIMIT 1",
  [STMT_ANY_REVIEW_ALL] =
    "SELECT 1 FROM review_log WHERE review_time >= ?1 AND review_time < ?2 LIMIT 1",
};

/* A cached statement, reset and cleared when it goes out of scope. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

/* A statement of its own, finalized when it goes out of scope. */
typedef sqlite3_stmt OwnedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OwnedStmt, sqlite3_finalize)

typedef sqlite3 ProbeDb;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProbeDb, sqlite3_close)

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static void
set_read_error (EntenteProgressStore  *self,
                GError               **error)
{
  g_autofree char *name = display_name (self->path);

  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
               /* Translators: an error shown when study progress cannot be read; the first
                  %s is the path of the progress database file, the second the database's
                  (English) reason */
               _("Could not read progress from “%s”: %s"), name, sqlite3_errmsg (self->db));
}

static void
set_write_error (EntenteProgressStore  *self,
                 GError               **error)
{
  g_autofree char *name = display_name (self->path);

  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
               /* Translators: an error shown when a review cannot be saved; the first %s is
                  the path of the progress database file, the second the database's (English)
                  reason */
               _("Could not save progress to “%s”: %s"), name, sqlite3_errmsg (self->db));
}

static gboolean
check_writable (EntenteProgressStore  *self,
                GError               **error)
{
  g_autofree char *name = NULL;

  if (!self->read_only)
    return TRUE;

  name = display_name (self->path);
  if (self->newer)
    g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY,
                 /* Translators: an error shown when a review cannot be saved; %s is the
                    path of the progress database file */
                 _("Progress cannot be saved: “%s” was written by a newer version of "
                   "Entente and is open read-only"),
                 name);
  else
    g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY,
                 /* Translators: an error shown when a review cannot be saved; %s is the
                    path of the progress database file */
                 _("Progress cannot be saved: “%s” cannot be written (check its "
                   "permissions)"),
                 name);
  return FALSE;
}

static CachedStmt *
get_stmt (EntenteProgressStore  *self,
          StmtId                 id,
          GError               **error)
{
  if (self->stmts[id] == NULL &&
      sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                          &self->stmts[id], NULL) != SQLITE_OK)
    {
      set_read_error (self, error);
      return NULL;
    }

  return self->stmts[id];
}

static OwnedStmt *
prepare (EntenteProgressStore  *self,
         const char            *sql,
         GError               **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_read_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static void
bind_card (sqlite3_stmt          *stmt,
           int                    first,
           const EntenteFsrsCard *card)
{
  sqlite3_bind_int64 (stmt, first, card->due);
  sqlite3_bind_double (stmt, first + 1, card->stability);
  sqlite3_bind_double (stmt, first + 2, card->difficulty);
  sqlite3_bind_int64 (stmt, first + 3, card->elapsed_days);
  sqlite3_bind_int64 (stmt, first + 4, card->scheduled_days);
  sqlite3_bind_int64 (stmt, first + 5, card->learning_steps);
  sqlite3_bind_int64 (stmt, first + 6, card->reps);
  sqlite3_bind_int64 (stmt, first + 7, card->lapses);
  sqlite3_bind_int64 (stmt, first + 8, card->state);
  sqlite3_bind_int64 (stmt, first + 9, card->last_review);
}

static void
bind_card_or_null (sqlite3_stmt          *stmt,
                   int                    first,
                   const EntenteFsrsCard *card)
{
  if (card != NULL)
    {
      bind_card (stmt, first, card);
      return;
    }

  for (int i = 0; i < N_CARD_COLUMNS; i++)
    sqlite3_bind_null (stmt, first + i);
}

static guint
column_uint (sqlite3_stmt *stmt,
             int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXUINT);
}

static void
read_card (sqlite3_stmt    *stmt,
           int              first,
           EntenteFsrsCard *card)
{
  card->due = sqlite3_column_int64 (stmt, first);
  card->stability = sqlite3_column_double (stmt, first + 1);
  card->difficulty = sqlite3_column_double (stmt, first + 2);
  card->elapsed_days = column_uint (stmt, first + 3);
  card->scheduled_days = column_uint (stmt, first + 4);
  card->learning_steps = column_uint (stmt, first + 5);
  card->reps = column_uint (stmt, first + 6);
  card->lapses = column_uint (stmt, first + 7);
  card->state = (EntenteFsrsState) sqlite3_column_int (stmt, first + 8);
  card->last_review = sqlite3_column_int64 (stmt, first + 9);
}

/* Field by field, the doubles bit for bit (both come from the same stored values), all but
 * the due time, which bring_forward () may have changed without a review. */
static gboolean
cards_equal_but_due (const EntenteFsrsCard *a,
                     const EntenteFsrsCard *b)
{
  return memcmp (&a->stability, &b->stability, sizeof (double)) == 0 &&
         memcmp (&a->difficulty, &b->difficulty, sizeof (double)) == 0 &&
         a->elapsed_days == b->elapsed_days &&
         a->scheduled_days == b->scheduled_days &&
         a->learning_steps == b->learning_steps &&
         a->reps == b->reps &&
         a->lapses == b->lapses &&
         a->state == b->state &&
         a->last_review == b->last_review;
}

static void
bind_review (sqlite3_stmt          *stmt,
             const char            *pack_id,
             const char            *card_id,
             const EntenteFsrsLog  *log,
             guint                  answer_ms,
             const EntenteFsrsCard *before,
             const EntenteFsrsCard *after)
{
  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, log->review);
  sqlite3_bind_int64 (stmt, 4, log->rating);
  sqlite3_bind_int64 (stmt, 5, answer_ms);
  sqlite3_bind_int64 (stmt, 6, log->state);
  sqlite3_bind_int64 (stmt, 7, log->due);
  sqlite3_bind_double (stmt, 8, log->stability);
  sqlite3_bind_double (stmt, 9, log->difficulty);
  sqlite3_bind_int64 (stmt, 10, log->elapsed_days);
  sqlite3_bind_int64 (stmt, 11, log->last_elapsed_days);
  sqlite3_bind_int64 (stmt, 12, log->scheduled_days);
  sqlite3_bind_int64 (stmt, 13, log->learning_steps);
  bind_card_or_null (stmt, 14, before);
  bind_card (stmt, 14 + N_CARD_COLUMNS, after);
}

/* Reads a row of REVIEW_COLUMNS; the strings point into @stmt's row. */
static void
read_review (sqlite3_stmt          *stmt,
             EntenteProgressReview *review)
{
  memset (review, 0, sizeof *review);
  review->id = sqlite3_column_int64 (stmt, 0);
  review->pack_id = (const char *) sqlite3_column_text (stmt, 1);
  review->card_id = (const char *) sqlite3_column_text (stmt, 2);
  review->log.review = sqlite3_column_int64 (stmt, 3);
  review->log.rating = (EntenteFsrsRating) sqlite3_column_int (stmt, 4);
  review->answer_ms = column_uint (stmt, 5);
  review->log.state = (EntenteFsrsState) sqlite3_column_int (stmt, 6);
  review->log.due = sqlite3_column_int64 (stmt, 7);
  review->log.stability = sqlite3_column_double (stmt, 8);
  review->log.difficulty = sqlite3_column_double (stmt, 9);
  review->log.elapsed_days = column_uint (stmt, 10);
  review->log.last_elapsed_days = column_uint (stmt, 11);
  review->log.scheduled_days = column_uint (stmt, 12);
  review->log.learning_steps = column_uint (stmt, 13);
  /* before_state, NULL when the card had no state. */
  review->had_state = sqlite3_column_type (stmt, 14 + 8) != SQLITE_NULL;
  if (review->had_state)
    read_card (stmt, 14, &review->before);
  read_card (stmt, 14 + N_CARD_COLUMNS, &review->after);
}

static gboolean
begin_write (EntenteProgressStore  *self,
             GError               **error)
{
  if (!check_writable (self, error))
    return FALSE;

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_write_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (EntenteProgressStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
commit (EntenteProgressStore  *self,
        GError               **error)
{
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_write_error (self, error);
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Opening */

typedef enum
{
  PROBE_OK,
  PROBE_NEWER,
  PROBE_DAMAGED,
  PROBE_FAILED,
} ProbeResult;

static gboolean
is_damage (int rc)
{
  int primary = rc & 0xff;

  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT ||
         rc == SQLITE_IOERR_SHORT_READ;
}

static ProbeResult
probe_failed (sqlite3     *db,
              int          rc,
              const char  *path,
              char       **out_problem,
              GError     **error)
{
  g_autofree char *name = NULL;

  if (is_damage (rc))
    {
      *out_problem = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return PROBE_DAMAGED;
    }

  name = display_name (path);
  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
               /* Translators: an error shown at start-up; the first %s is the path of the
                  progress database file, the second the database's (English) reason */
               _("Could not open the progress database “%s”: %s"),
               name, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return PROBE_FAILED;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out_value)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;

  *out_value = sqlite3_column_int64 (stmt, 0);
  return SQLITE_OK;
}

/* The first line of PRAGMA integrity_check, which is "ok" when all is well. */
static int
check_integrity (sqlite3  *db,
                 char    **out_result)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;

  *out_result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return SQLITE_OK;
}

/* Looks at an existing file. On PROBE_OK and PROBE_NEWER, *out_db is the open connection
 * (still without checkpoint on close); on PROBE_DAMAGED, *out_problem says why. */
static ProbeResult
probe (const char  *path,
       sqlite3    **out_db,
       gint64      *out_version,
       char       **out_problem,
       GError     **error)
{
  g_autoptr(ProbeDb) db = NULL;
  g_autofree char *integrity = NULL;
  gint64 application_id = 0, version = 0, n_objects = 0, n_tables = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return probe_failed (db, rc, path, out_problem, error);

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  if ((rc = query_int (db, "PRAGMA application_id", &application_id)) != SQLITE_OK ||
      (rc = query_int (db, "PRAGMA user_version", &version)) != SQLITE_OK ||
      (rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects)) != SQLITE_OK ||
      (rc = query_int (db,
                       "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                       "name IN ('card_state', 'review_log')",
                       &n_tables)) != SQLITE_OK ||
      (rc = check_integrity (db, &integrity)) != SQLITE_OK)
    return probe_failed (db, rc, path, out_problem, error);

  if (g_strcmp0 (integrity, "ok") != 0)
    {
      *out_problem = g_strdup (integrity);
      return PROBE_DAMAGED;
    }

  /* An empty file (or one killed before its first migration) is simply new. */
  if (application_id == 0 && version == 0 && n_objects == 0)
    {
      *out_db = g_steal_pointer (&db);
      *out_version = 0;
      return PROBE_OK;
    }

  if (application_id != APPLICATION_ID || version < 1)
    {
      *out_problem = g_strdup ("not an Entente progress database");
      return PROBE_DAMAGED;
    }

  /* A newer schema may have renamed anything: it is the newer version's to judge. */
  if (version > ENTENTE_PROGRESS_STORE_SCHEMA_VERSION)
    {
      *out_db = g_steal_pointer (&db);
      *out_version = version;
      return PROBE_NEWER;
    }

  if (n_tables != 2)
    {
      *out_problem = g_strdup ("tables are missing");
      return PROBE_DAMAGED;
    }

  *out_db = g_steal_pointer (&db);
  *out_version = version;
  return PROBE_OK;
}

static const char * const companion_suffixes[] = { "-wal", "-shm", "-journal" };

static gboolean
any_file_exists (const char *base)
{
  if (g_file_test (base, G_FILE_TEST_EXISTS))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (base, companion_suffixes[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

static gboolean
rename_or_fail (const char  *from,
                const char  *to,
                GError     **error)
{
  int saved_errno;
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;

  if (g_rename (from, to) == 0)
    return TRUE;

  saved_errno = errno;
  from_name = display_name (from);
  to_name = display_name (to);
  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
               /* Translators: an error shown at start-up; the first %s is the path of the
                  damaged progress database file, the second the path it was to be renamed to,
                  the third the system's reason */
               _("The progress database “%s” is damaged and could not be moved to “%s”: %s"),
               from_name, to_name, g_strerror (saved_errno));
  return FALSE;
}

/* Renames @path and its companions to "@path.damaged-YYYYMMDD-HHMMSS" (plus "-N" when that
 * is taken). The companions go first: a -wal left beside a fresh database would be
 * replayed into it. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);

  for (guint n = 2; any_file_exists (target); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, companion_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, companion_suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !rename_or_fail (from, to, error))
        return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !rename_or_fail (path, target, error))
    return NULL;

  return g_steal_pointer (&target);
}

static gboolean
migrate (EntenteProgressStore  *self,
         gint64                 version,
         GError               **error)
{
  for (gint64 v = version; v < ENTENTE_PROGRESS_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT,
                                               v + 1);

      if (!begin_write (self, error))
        return FALSE;

      if (sqlite3_exec (self->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (self->db, bump, NULL, NULL, NULL) != SQLITE_OK)
        {
          set_write_error (self, error);
          rollback (self);
          return FALSE;
        }

      if (!commit (self, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
configure (EntenteProgressStore  *self,
           GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  const char *mode;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  if (self->read_only)
    return TRUE;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!(stmt = prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_write_error (self, error);
      return FALSE;
    }

  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_autofree char *name = display_name (self->path);

      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
                   /* Translators: an error shown at start-up; %s is the path of the
                      progress database file; its journal is the database's temporary file of
                      changes in progress, kept in the same folder */
                   _("Could not open the progress database “%s”: its journal cannot be "
                     "kept beside it"),
                   name);
      return FALSE;
    }

  if (sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_write_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_fresh (EntenteProgressStore  *self,
            GError               **error)
{
  g_autofree char *name = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  if (rc == SQLITE_OK)
    return TRUE;

  name = display_name (self->path);
  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
               /* Translators: an error shown at start-up; the first %s is the path of the
                  progress database file, the second the database's (English) reason */
               _("Could not create the progress database “%s”: %s"),
               name, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  g_clear_pointer (&self->db, sqlite3_close);
  return FALSE;
}

static gboolean
entente_progress_store_initable_init (GInitable     *initable,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  EntenteProgressStore *self = ENTENTE_PROGRESS_STORE (initable);
  g_autofree char *folder = NULL;
  g_autofree char *problem = NULL;
  gint64 version = 0;

  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (folder);

      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
                   /* Translators: an error shown at start-up; the first %s is the path of
                      the folder that should hold the progress database, the second the
                      system's reason */
                   _("Could not create the folder “%s” for progress: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      sqlite3 *db = NULL;

      switch (probe (self->path, &db, &version, &problem, error))
        {
        case PROBE_OK:
          self->db = db;
          break;

        case PROBE_NEWER:
          {
            g_autofree char *name = display_name (self->path);

            /* Read-only, so that nothing of the newer version's file changes. */
            sqlite3_close (db);
            if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
              {
                g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR,
                             ENTENTE_PROGRESS_STORE_ERROR_DATABASE,
                             /* Translators: an error shown at start-up; the first %s is the
                                path of the progress database file, the second the database's
                                (English) reason */
                             _("Could not open the progress database “%s”: %s"),
                             name, sqlite3_errmsg (self->db));
                g_clear_pointer (&self->db, sqlite3_close);
                return FALSE;
              }
            self->read_only = TRUE;
            self->newer = TRUE;
            /* Translators: a notice shown in the main window until dismissed; %s is the path of
               the progress database file */
            self->notice = g_strdup_printf (_("The progress database “%s” was written by a "
                                              "newer version of Entente. It is open "
                                              "read-only: your reviews will not be saved "
                                              "until you update Entente."),
                                            name);
          }
          break;

        case PROBE_DAMAGED:
          {
            g_autofree char *name = display_name (self->path);
            g_autofree char *moved_name = NULL;

            if (!(self->moved_aside_path = move_aside (self->path, error)))
              return FALSE;

            moved_name = display_name (self->moved_aside_path);
            g_debug ("Moved the damaged progress database %s aside (%s)", name, problem);
            /* Translators: a notice shown in the main window until dismissed; the first %s is
               the path of the progress database file, the second the path the damaged file was
               renamed to, such as "progress.sqlite.damaged-20261128-160501" */
            self->notice = g_strdup_printf (_("The progress database “%s” was damaged and "
                                              "could not be read. It has been kept as “%s”, "
                                              "and a new, empty one is used from now on."),
                                            name, moved_name);
          }
          break;

        case PROBE_FAILED:
        default:
          return FALSE;
        }
    }
  else if (any_file_exists (self->path))
    {
      /* A journal without its database belongs to no database we could open. */
      if (!(self->moved_aside_path = move_aside (self->path, error)))
        return FALSE;
    }

  if (self->db == NULL && !open_fresh (self, error))
    return FALSE;

  /* SQLite opens a file it may not write read-only without saying so: say it. */
  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_autofree char *name = display_name (self->path);

      if (version < ENTENTE_PROGRESS_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR,
                       ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY,
                       /* Translators: an error shown at start-up; %s is the path of the
                          progress database file */
                       _("Could not open the progress database “%s”: it cannot be written "
                         "(check its permissions)"),
                       name);
          return FALSE;
        }

      self->read_only = TRUE;
      /* Translators: a notice shown in the main window until dismissed; %s is the path of the
         progress database file */
      self->notice = g_strdup_printf (_("The progress database “%s” cannot be written (check "
                                        "its permissions). Your progress is shown, but new "
                                        "reviews are not saved."),
                                      name);
    }

  if (!configure (self, error))
    return FALSE;

  if (!self->read_only && !migrate (self, version, error))
    return FALSE;

  return TRUE;
}

static void
entente_progress_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = entente_progress_store_initable_init;
}

static void
entente_progress_store_finalize (GObject *object)
{
  EntenteProgressStore *self = (EntenteProgressStore *) object;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  g_free (self->stmts);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->moved_aside_path);
  g_free (self->notice);

  G_OBJECT_CLASS (entente_progress_store_parent_class)->finalize (object);
}

static void
entente_progress_store_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EntenteProgressStore *self = ENTENTE_PROGRESS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_MOVED_ASIDE_PATH:
      g_value_set_string (value, self->moved_aside_path);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_progress_store_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EntenteProgressStore *self = ENTENTE_PROGRESS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_progress_store_class_init (EntenteProgressStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_progress_store_finalize;
  object_class->get_property = entente_progress_store_get_property;
  object_class->set_property = entente_progress_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* TRUE when the database comes from a newer Entente or cannot be written: every write
   * then fails, and "notice" says why. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MOVED_ASIDE_PATH] =
    g_param_spec_string ("moved-aside-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after each committed write, with the pack's id, or NULL when an import may
   * have changed several packs. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
entente_progress_store_init (EntenteProgressStore *self)
{
  self->stmts = g_new0 (sqlite3_stmt *, N_STMTS);
}

/* Public API */

char *
entente_progress_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "entente", "progress.db", NULL);
}

EntenteProgressStore *
entente_progress_store_open (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (ENTENTE_TYPE_PROGRESS_STORE, NULL, error, "path", path, NULL);
}

void
entente_progress_store_open_async (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  g_async_initable_new_async (ENTENTE_TYPE_PROGRESS_STORE, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data, "path", path, NULL);
}

EntenteProgressStore *
entente_progress_store_open_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *store;

  g_return_val_if_fail (G_IS_ASYNC_INITABLE (source), NULL);

  store = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);
  return store != NULL ? ENTENTE_PROGRESS_STORE (store) : NULL;
}

const char *
entente_progress_store_get_path (EntenteProgressStore *self)
{
  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);

  return self->path;
}

gboolean
entente_progress_store_get_read_only (EntenteProgressStore *self)
{
  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);

  return self->read_only;
}

const char *
entente_progress_store_get_moved_aside_path (EntenteProgressStore *self)
{
  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);

  return self->moved_aside_path;
}

const char *
entente_progress_store_get_notice (EntenteProgressStore *self)
{
  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);

  return self->notice;
}

/* Reads the stored state of a card; returns SQLITE_ROW (found), SQLITE_DONE or an error. */
static int
select_card (EntenteProgressStore *self,
             const char           *pack_id,
             const char           *card_id,
             EntenteFsrsCard      *out_card,
             GError              **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_SELECT_CARD, error);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read_card (stmt, 0, out_card);
  else if (rc != SQLITE_DONE)
    set_read_error (self, error);

  return rc;
}

static gboolean
write_card (EntenteProgressStore  *self,
            StmtId                 id,
            const char            *pack_id,
            const char            *card_id,
            const EntenteFsrsCard *card,
            GError               **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
  bind_card (stmt, 3, card);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_card (EntenteProgressStore  *self,
             const char            *pack_id,
             const char            *card_id,
             GError               **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_DELETE_CARD, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_review (EntenteProgressStore  *self,
               const char            *pack_id,
               const char            *card_id,
               const EntenteFsrsLog  *log,
               guint                  answer_ms,
               const EntenteFsrsCard *before,
               const EntenteFsrsCard *after,
               GError               **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_INSERT_REVIEW, error);
  int rc;

  if (stmt == NULL)
    return 0;

  bind_review (stmt, pack_id, card_id, log, answer_ms, before, after);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DUPLICATE,
                   /* Translators: an error shown when a review cannot be saved; %s is the
                      id of the card, such as "charter.founding-year" */
                   _("This review of card “%s” is already saved"), card_id);
      return 0;
    }
  if (rc != SQLITE_DONE)
    {
      set_write_error (self, error);
      return 0;
    }

  return sqlite3_last_insert_rowid (self->db);
}

gint64
entente_progress_store_record_review (EntenteProgressStore  *self,
                                      const char            *pack_id,
                                      const char            *card_id,
                                      const EntenteFsrsLog  *log,
                                      const EntenteFsrsCard *after,
                                      guint                  answer_ms,
                                      GError               **error)
{
  EntenteFsrsCard before;
  gboolean had_state;
  gint64 id;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', 0);
  g_return_val_if_fail (card_id != NULL && *card_id != '\0', 0);
  g_return_val_if_fail (log != NULL, 0);
  g_return_val_if_fail (after != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!begin_write (self, error))
    return 0;

  rc = select_card (self, pack_id, card_id, &before, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto failed;
  had_state = rc == SQLITE_ROW;

  id = insert_review (self, pack_id, card_id, log, answer_ms, had_state ? &before : NULL,
                      after, error);
  if (id == 0)
    goto failed;

  if (!write_card (self, STMT_UPSERT_CARD, pack_id, card_id, after, error))
    goto failed;

  if (!commit (self, error))
    return 0;

  g_signal_emit (self, signals[CHANGED], 0, pack_id);
  return id;

failed:
  rollback (self);
  return 0;
}

gboolean
entente_progress_store_undo_review (EntenteProgressStore  *self,
                                    gint64                 review_id,
                                    GError               **error)
{
  g_autofree char *pack_id = NULL;
  g_autofree char *card_id = NULL;
  EntenteFsrsCard before, after, current;
  gboolean had_state = FALSE;
  gint64 last;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_SELECT_REVIEW_BEFORE, error);

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, review_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR,
                     ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND,
                     _("The review cannot be undone: it is no longer saved"));
        goto failed;
      }
    if (rc != SQLITE_ROW)
      {
        set_read_error (self, error);
        goto failed;
      }

    pack_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    card_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    had_state = sqlite3_column_int (stmt, 2) != 0;
    if (had_state)
      read_card (stmt, 3, &before);
    read_card (stmt, 3 + N_CARD_COLUMNS, &after);
  }

  /* Exact only if this review set the card's current state: it is the card's last
   * recorded review (whatever the clock said) and nothing, such as an import, has changed
   * the state since. */
  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_SELECT_LAST_RECORDED, error);

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        set_read_error (self, error);
        goto failed;
      }
    last = sqlite3_column_int64 (stmt, 0);
  }

  rc = select_card (self, pack_id, card_id, &current, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto failed;

  /* The due time alone may differ: bring_forward () moves it without a review. */
  if (last != review_id || rc != SQLITE_ROW || !cards_equal_but_due (&current, &after))
    {
      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST,
                   /* Translators: an error shown when Undo of the last review fails; %s is
                      the id of the card, such as "charter.founding-year" */
                   _("The review cannot be undone: card “%s” has changed since"),
                   card_id);
      goto failed;
    }

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_DELETE_REVIEW, error);

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, review_id);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        set_write_error (self, error);
        goto failed;
      }
  }

  if (had_state
      ? !write_card (self, STMT_UPSERT_CARD, pack_id, card_id, &before, error)
      : !delete_card (self, pack_id, card_id, error))
    goto failed;

  if (!commit (self, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, pack_id);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

gboolean
entente_progress_store_lookup_card (EntenteProgressStore  *self,
                                    const char            *pack_id,
                                    const char            *card_id,
                                    EntenteFsrsCard       *out_card,
                                    GError               **error)
{
  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);
  g_return_val_if_fail (out_card != NULL, FALSE);

  return select_card (self, pack_id, card_id, out_card, error) == SQLITE_ROW;
}

GHashTable *
entente_progress_store_load_pack (EntenteProgressStore  *self,
                                  const char            *pack_id,
                                  GError               **error)
{
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LOAD_PACK, error)))
    return NULL;

  cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntenteFsrsCard *card = g_new (EntenteFsrsCard, 1);

      read_card (stmt, 1, card);
      g_hash_table_insert (cards, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           card);
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&cards);
}

GHashTable *
entente_progress_store_load_learned (EntenteProgressStore  *self,
                                     const char            *pack_id,
                                     GError               **error)
{
  g_autoptr(GHashTable) learned = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LOAD_LEARNED, error)))
    return NULL;

  learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (learned, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&learned);
}

/* Runs a STMT_COUNT_* or STMT_ANY_* statement over [@start, @end). */
static gboolean
count_between (EntenteProgressStore  *self,
               StmtId                 id,
               const char            *pack_id,
               gint64                 start,
               gint64                 end,
               guint                 *out_count,
               GError               **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  if (pack_id != NULL)
    sqlite3_bind_text (stmt, 3, pack_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = column_uint (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_count = 0;
  else
    {
      set_read_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gint64
to_ms (GDateTime *time)
{
  return g_date_time_to_unix (time) * 1000;
}

gboolean
entente_progress_store_get_day (EntenteProgressStore  *self,
                                const char            *pack_id,
                                GDateTime             *now,
                                EntenteProgressDay    *out_day,
                                GError               **error)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) next = NULL;
  gboolean pack = pack_id != NULL;
  guint any = 0;
  int year, month, mday;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (out_day != NULL, FALSE);

  memset (out_day, 0, sizeof *out_day);

  g_date_time_get_ymd (now, &year, &month, &mday);
  day = g_date_time_new (g_date_time_get_timezone (now), year, month, mday, 0, 0, 0);
  next = g_date_time_add_days (day, 1);

  if (!count_between (self, pack ? STMT_COUNT_REVIEWS_PACK : STMT_COUNT_REVIEWS_ALL, pack_id,
                      to_ms (day), to_ms (next), &out_day->reviews, error) ||
      !count_between (self, pack ? STMT_COUNT_NEW_PACK : STMT_COUNT_NEW_ALL, pack_id,
                      to_ms (day), to_ms (next), &out_day->new_cards, error))
    return FALSE;

  /* Walk back one local day at a time (days are 23 to 25 hours long across DST). */
  if (out_day->reviews == 0)
    {
      g_autoptr(GDateTime) yesterday = g_date_time_add_days (day, -1);

      g_clear_pointer (&next, g_date_time_unref);
      next = g_steal_pointer (&day);
      day = g_steal_pointer (&yesterday);
    }

  for (;;)
    {
      g_autoptr(GDateTime) previous = NULL;

      if (!count_between (self, pack ? STMT_ANY_REVIEW_PACK : STMT_ANY_REVIEW_ALL, pack_id,
                          to_ms (day), to_ms (next), &any, error))
        return FALSE;
      if (any == 0)
        break;

      out_day->streak++;
      previous = g_date_time_add_days (day, -1);
      g_clear_pointer (&next, g_date_time_unref);
      next = g_steal_pointer (&day);
      day = g_steal_pointer (&previous);
    }

  return TRUE;
}

gboolean
entente_progress_store_foreach_review (EntenteProgressStore     *self,
                                       const char               *pack_id,
                                       EntenteProgressReviewFunc func,
                                       gpointer                  user_data,
                                       GError                  **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = prepare (self,
                        "SELECT " REVIEW_COLUMNS " FROM review_log WHERE pack_id = ? "
                        "ORDER BY review_time, id",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntenteProgressReview review;

      read_review (stmt, &review);
      if (!func (&review, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
entente_progress_store_count_reviews (EntenteProgressStore     *self,
                                      const char               *pack_id,
                                      EntenteProgressCounts    *out_counts,
                                      GError                  **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  memset (out_counts, 0, sizeof *out_counts);

  /* A handful of groups, counted over the (pack_id, log_state, rating) index. */
  if (!(stmt = prepare (self,
                        "SELECT log_state, rating, count(*) FROM review_log "
                        "WHERE pack_id = ? GROUP BY log_state, rating",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 state = sqlite3_column_int64 (stmt, 0);
      gint64 rating = sqlite3_column_int64 (stmt, 1);
      guint count = column_uint (stmt, 2);

      out_counts->reviews += count;
      if (state == ENTENTE_FSRS_STATE_NEW)
        out_counts->first += count;
      if (state == ENTENTE_FSRS_STATE_REVIEW)
        {
          out_counts->counted += count;
          if (rating != ENTENTE_FSRS_RATING_AGAIN)
            out_counts->passed += count;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      memset (out_counts, 0, sizeof *out_counts);
      return FALSE;
    }

  return TRUE;
}

gboolean
entente_progress_store_foreach_review_since (EntenteProgressStore          *self,
                                             const char                    *pack_id,
                                             gint64                         since_ms,
                                             EntenteProgressReviewBriefFunc func,
                                             gpointer                       user_data,
                                             GError                       **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Three columns through the (pack_id, review_time) index: a fraction of the work of
   * foreach_review (), which reads all 35 of every row. */
  if (!(stmt = prepare (self,
                        "SELECT review_time, log_state, rating FROM review_log "
                        "WHERE pack_id = ? AND review_time >= ? ORDER BY review_time, id",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, since_ms);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (sqlite3_column_int64 (stmt, 0),
                 (EntenteFsrsState) sqlite3_column_int (stmt, 1),
                 (EntenteFsrsRating) sqlite3_column_int (stmt, 2),
                 user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Export */

/* Results, the exam in progress, bringing cards forward, forgetting a pack */

static gboolean
exec_write (EntenteProgressStore  *self,
            sqlite3_stmt          *stmt,
            GError               **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
commit_and_notify (EntenteProgressStore  *self,
                   const char            *pack_id,
                   GError               **error)
{
  if (!commit (self, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, pack_id);
  return TRUE;
}

gint64
entente_progress_store_add_result (EntenteProgressStore      *self,
                                   const char                *pack_id,
                                   EntenteProgressResultKind  kind,
                                   gint64                     time_ms,
                                   guint                      n_correct,
                                   guint                      n_total,
                                   gint64                     elapsed_ms,
                                   const char                *json,
                                   GError                   **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', 0);
  g_return_val_if_fail (kind == ENTENTE_PROGRESS_RESULT_EXAM ||
                        kind == ENTENTE_PROGRESS_RESULT_MAP_QUIZ, 0);
  g_return_val_if_fail (json != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!begin_write (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO result (pack_id, kind, time, n_correct, n_total, elapsed_ms, json) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, time_ms);
  sqlite3_bind_int64 (stmt, 4, n_correct);
  sqlite3_bind_int64 (stmt, 5, n_total);
  sqlite3_bind_int64 (stmt, 6, elapsed_ms);
  sqlite3_bind_text (stmt, 7, json, -1, SQLITE_STATIC);
  if (!exec_write (self, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);

  if (!commit_and_notify (self, pack_id, error))
    return 0;

  return id;

failed:
  rollback (self);
  return 0;
}

#define RESULT_COLUMNS "id, pack_id, kind, time, n_correct, n_total, elapsed_ms, json"

static void
read_result (sqlite3_stmt          *stmt,
             EntenteProgressResult *out)
{
  out->id = sqlite3_column_int64 (stmt, 0);
  out->pack_id = (const char *) sqlite3_column_text (stmt, 1);
  out->kind = sqlite3_column_int (stmt, 2);
  out->time_ms = sqlite3_column_int64 (stmt, 3);
  out->n_correct = column_uint (stmt, 4);
  out->n_total = column_uint (stmt, 5);
  out->elapsed_ms = sqlite3_column_int64 (stmt, 6);
  out->json = (const char *) sqlite3_column_text (stmt, 7);
}

gboolean
entente_progress_store_foreach_result (EntenteProgressStore      *self,
                                       const char                *pack_id,
                                       gboolean                   newest_first,
                                       EntenteProgressResultFunc  func,
                                       gpointer                   user_data,
                                       GError                   **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare (self,
                  newest_first
                  ? "SELECT " RESULT_COLUMNS " FROM result WHERE pack_id = ? "
                    "ORDER BY time DESC, id DESC"
                  : "SELECT " RESULT_COLUMNS " FROM result WHERE pack_id = ? "
                    "ORDER BY time, id",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntenteProgressResult result;

      read_result (stmt, &result);
      if (!func (&result, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
set_result_not_found (GError **error)
{
  g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND,
               _("The result is no longer saved"));
}

gboolean
entente_progress_store_get_result (EntenteProgressStore      *self,
                                   gint64                     id,
                                   EntenteProgressResultFunc  func,
                                   gpointer                   user_data,
                                   GError                   **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  EntenteProgressResult result;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare (self, "SELECT " RESULT_COLUMNS " FROM result WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_result_not_found (error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      set_read_error (self, error);
      return FALSE;
    }

  read_result (stmt, &result);
  func (&result, user_data);
  return TRUE;
}

gboolean
entente_progress_store_delete_result (EntenteProgressStore  *self,
                                      gint64                 id,
                                      GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  g_autofree char *pack_id = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM result WHERE id = ? RETURNING pack_id", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_result_not_found (error);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      set_write_error (self, error);
      goto failed;
    }
  pack_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!exec_write (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return commit_and_notify (self, pack_id, error);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self);
  return FALSE;
}

gboolean
entente_progress_store_save_exam_in_progress (EntenteProgressStore  *self,
                                              const char            *pack_id,
                                              const char            *json,
                                              GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO exam_in_progress (pack_id, json) VALUES (?, ?)",
                  error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  if (!exec_write (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return commit_and_notify (self, pack_id, error);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self);
  return FALSE;
}

char *
entente_progress_store_dup_exam_in_progress (EntenteProgressStore  *self,
                                             const char            *pack_id,
                                             GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  stmt = prepare (self, "SELECT json FROM exam_in_progress WHERE pack_id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    set_read_error (self, error);

  return NULL;
}

gboolean
entente_progress_store_clear_exam_in_progress (EntenteProgressStore  *self,
                                               const char            *pack_id,
                                               GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM exam_in_progress WHERE pack_id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  if (!exec_write (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return commit_and_notify (self, pack_id, error);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self);
  return FALSE;
}

gboolean
entente_progress_store_bring_forward (EntenteProgressStore  *self,
                                      const char            *pack_id,
                                      const char * const    *card_ids,
                                      gint64                 now,
                                      guint                 *out_n,
                                      GError               **error)
{
  g_autoptr(OwnedStmt) stmt = NULL;
  guint n = 0;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', FALSE);
  g_return_val_if_fail (card_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n != NULL)
    *out_n = 0;

  if (!begin_write (self, error))
    return FALSE;

  /* State 0 is New: such a card comes as a new card anyway. */
  stmt = prepare (self,
                  "UPDATE card_state SET due = ?3 "
                  "WHERE pack_id = ?1 AND card_id = ?2 AND state != 0",
                  error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, card_ids[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!exec_write (self, stmt, error))
        goto failed;
      n += sqlite3_changes (self->db);
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!commit (self, error))
    return FALSE;

  if (n > 0)
    g_signal_emit (self, signals[CHANGED], 0, pack_id);
  if (out_n != NULL)
    *out_n = n;
  return TRUE;

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self);
  return FALSE;
}

gboolean
entente_progress_store_forget_pack (EntenteProgressStore  *self,
                                    const char            *pack_id,
                                    GError               **error)
{
  static const char * const tables[] = { "card_state", "review_log", "result",
                                         "exam_in_progress" };

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE pack_id = ?", tables[i]);
      g_autoptr(OwnedStmt) stmt = prepare (self, sql, error);

      if (stmt == NULL)
        goto failed;

      sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
      if (!exec_write (self, stmt, error))
        goto failed;
    }

  return commit_and_notify (self, pack_id, error);

failed:
  rollback (self);
  return FALSE;
}

static JsonNode *
card_to_json (const EntenteFsrsCard *card,
              const char            *card_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  if (card_id != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, card_id);
    }
  json_builder_set_member_name (builder, "due");
  json_builder_add_int_value (builder, card->due);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, card->stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, card->difficulty);
  json_builder_set_member_name (builder, "elapsed_days");
  json_builder_add_int_value (builder, card->elapsed_days);
  json_builder_set_member_name (builder, "scheduled_days");
  json_builder_add_int_value (builder, card->scheduled_days);
  json_builder_set_member_name (builder, "learning_steps");
  json_builder_add_int_value (builder, card->learning_steps);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, card->reps);
  json_builder_set_member_name (builder, "lapses");
  json_builder_add_int_value (builder, card->lapses);
  json_builder_set_member_name (builder, "state");
  json_builder_add_int_value (builder, card->state);
  json_builder_set_member_name (builder, "last_review");
  json_builder_add_int_value (builder, card->last_review);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
review_to_json (const EntenteProgressReview *review)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "card");
  json_builder_add_string_value (builder, review->card_id);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, review->log.review);
  json_builder_set_member_name (builder, "rating");
  json_builder_add_int_value (builder, review->log.rating);
  json_builder_set_member_name (builder, "answer_ms");
  json_builder_add_int_value (builder, review->answer_ms);

  json_builder_set_member_name (builder, "log");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_int_value (builder, review->log.state);
  json_builder_set_member_name (builder, "due");
  json_builder_add_int_value (builder, review->log.due);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, review->log.stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, review->log.difficulty);
  json_builder_set_member_name (builder, "elapsed_days");
  json_builder_add_int_value (builder, review->log.elapsed_days);
  json_builder_set_member_name (builder, "last_elapsed_days");
  json_builder_add_int_value (builder, review->log.last_elapsed_days);
  json_builder_set_member_name (builder, "scheduled_days");
  json_builder_add_int_value (builder, review->log.scheduled_days);
  json_builder_set_member_name (builder, "learning_steps");
  json_builder_add_int_value (builder, review->log.learning_steps);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "before");
  if (review->had_state)
    json_builder_add_value (builder, card_to_json (&review->before, NULL));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "after");
  json_builder_add_value (builder, card_to_json (&review->after, NULL));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
add_review_cb (const EntenteProgressReview *review,
               gpointer                     user_data)
{
  json_array_add_element (user_data, review_to_json (review));
  return TRUE;
}

static const char *
result_kind_name (EntenteProgressResultKind kind)
{
  return kind == ENTENTE_PROGRESS_RESULT_MAP_QUIZ ? "map-quiz" : "exam";
}

static gboolean
add_result_cb (const EntenteProgressResult *result,
               gpointer                     user_data)
{
  JsonArray *results = user_data;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind", result_kind_name (result->kind));
  json_object_set_int_member (object, "time", result->time_ms);
  json_object_set_int_member (object, "n_correct", result->n_correct);
  json_object_set_int_member (object, "n_total", result->n_total);
  json_object_set_int_member (object, "elapsed_ms", result->elapsed_ms);
  json_object_set_string_member (object, "json", result->json);
  json_array_add_object_element (results, object);
  return TRUE;
}

static JsonNode *
pack_to_json (EntenteProgressStore  *self,
              const char            *pack_id,
              GError               **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) cards = json_array_new ();
  g_autoptr(JsonArray) reviews = json_array_new ();
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(OwnedStmt) stmt = NULL;
  JsonNode *node;
  int rc;

  if (!(stmt = prepare (self,
                        "SELECT card_id, " CARD_COLUMNS ("") " FROM card_state "
                        "WHERE pack_id = ? ORDER BY card_id",
                        error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntenteFsrsCard card;

      read_card (stmt, 1, &card);
      json_array_add_element (cards,
                              card_to_json (&card, (const char *) sqlite3_column_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      return NULL;
    }

  if (!entente_progress_store_foreach_review (self, pack_id, add_review_cb, reviews, error))
    return NULL;

  if (!entente_progress_store_foreach_result (self, pack_id, FALSE, add_result_cb, results,
                                              error))
    return NULL;

  json_object_set_string_member (object, "id", pack_id);
  json_object_set_array_member (object, "cards", g_steal_pointer (&cards));
  json_object_set_array_member (object, "reviews", g_steal_pointer (&reviews));
  json_object_set_array_member (object, "results", g_steal_pointer (&results));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

gboolean
entente_progress_store_export (EntenteProgressStore  *self,
                               GFile                 *file,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) packs = json_array_new ();
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(OwnedStmt) stmt = NULL;
  g_autofree char *text = NULL;
  gsize length;
  int rc;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* One read transaction, so that the file is a single moment's progress. */
  if (sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_read_error (self, error);
      return FALSE;
    }

  if (!(stmt = prepare (self,
                        "SELECT pack_id FROM card_state UNION SELECT pack_id FROM review_log "
                        "UNION SELECT pack_id FROM result ORDER BY 1",
                        error)))
    goto failed;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonNode *pack = pack_to_json (self, (const char *) sqlite3_column_text (stmt, 0), error);

      if (pack == NULL)
        goto failed;
      json_array_add_element (packs, pack);
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (self, error);
      goto failed;
    }

  rollback (self);

  json_object_set_string_member (root, "format", "entente-progress");
  json_object_set_int_member (root, "version", ENTENTE_PROGRESS_EXPORT_VERSION);
  json_object_set_int_member (root, "exported", g_get_real_time () / 1000);
  json_object_set_array_member (root, "packs", g_steal_pointer (&packs));

  root_node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root_node, root);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root_node);
  text = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);

failed:
  rollback (self);
  return FALSE;
}

/* Import */

typedef struct
{
  GString *path;   /* where in the file, such as "packs[0].reviews[3].after" */
  char    *problem;
} Reader;

static gboolean
reader_fail (Reader     *reader,
             const char *member,
             const char *message)
{
  g_autofree char *where = NULL;

  if (reader->problem != NULL)
    return FALSE;

  where = g_strconcat (reader->path->str,
                       reader->path->len > 0 && member != NULL ? "." : "",
                       member != NULL ? member : "", NULL);
  reader->problem = *where != '\0' ? g_strdup_printf ("%s: %s", where, message)
                                   : g_strdup (message);
  return FALSE;
}

static gboolean
id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_LENGTH || !(g_ascii_islower (id[0]) ||
                                                 g_ascii_isdigit (id[0])))
    return FALSE;

  for (gsize i = 1; i < length; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || strchr ("._-", id[i]) != NULL))
      return FALSE;

  return TRUE;
}

static JsonNode *
reader_member (Reader     *reader,
               JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
    reader_fail (reader, member, _("missing"));
  return node;
}

static gboolean
read_int (Reader     *reader,
          JsonObject *object,
          const char *member,
          gint64      min,
          gint64      max,
          gint64     *out_value)
{
  JsonNode *node = reader_member (reader, object, member);
  gint64 value;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
    return reader_fail (reader, member, _("must be a whole number"));

  value = json_node_get_int (node);
  if (value < min || value > max)
    /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
    return reader_fail (reader, member, _("is out of range"));

  *out_value = value;
  return TRUE;
}

static gboolean
read_uint (Reader     *reader,
           JsonObject *object,
           const char *member,
           guint      *out_value)
{
  gint64 value;

  if (!read_int (reader, object, member, 0, G_MAXUINT, &value))
    return FALSE;

  *out_value = (guint) value;
  return TRUE;
}

static gboolean
read_double (Reader     *reader,
             JsonObject *object,
             const char *member,
             double     *out_value)
{
  JsonNode *node = reader_member (reader, object, member);
  GType type;

  if (node == NULL)
    return FALSE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
    return reader_fail (reader, member, _("must be a number"));

  *out_value = json_node_get_double (node);
  if (!isfinite (*out_value))
    /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
    return reader_fail (reader, member, _("must be a number"));

  return TRUE;
}

static const char *
read_id (Reader     *reader,
         JsonObject *object,
         const char *member)
{
  JsonNode *node = reader_member (reader, object, member);
  const char *id;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
      reader_fail (reader, member, _("must be a string"));
      return NULL;
    }

  id = json_node_get_string (node);
  if (!id_is_valid (id))
    {
      /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
      reader_fail (reader, member, _("is not a valid id"));
      return NULL;
    }

  return id;
}

static JsonObject *
read_object (Reader     *reader,
             JsonObject *object,
             const char *member)
{
  JsonNode *node = reader_member (reader, object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
      reader_fail (reader, member, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
read_array (Reader     *reader,
            JsonObject *object,
            const char *member)
{
  JsonNode *node = reader_member (reader, object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
      reader_fail (reader, member, _("must be an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

/* Reads a <CARD> object (see the header) whose path is already in the reader. */
static gboolean
read_card_json (Reader          *reader,
                JsonObject      *object,
                EntenteFsrsCard *card)
{
  gint64 state = ENTENTE_FSRS_STATE_NEW;
  gboolean ok;

  ok = read_int (reader, object, "due", G_MININT64, G_MAXINT64, &card->due) &&
       read_double (reader, object, "stability", &card->stability) &&
       read_double (reader, object, "difficulty", &card->difficulty) &&
       read_uint (reader, object, "elapsed_days", &card->elapsed_days) &&
       read_uint (reader, object, "scheduled_days", &card->scheduled_days) &&
       read_uint (reader, object, "learning_steps", &card->learning_steps) &&
       read_uint (reader, object, "reps", &card->reps) &&
       read_uint (reader, object, "lapses", &card->lapses) &&
       read_int (reader, object, "state", ENTENTE_FSRS_STATE_NEW,
                 ENTENTE_FSRS_STATE_RELEARNING, &state) &&
       read_int (reader, object, "last_review", G_MININT64, G_MAXINT64, &card->last_review);
  card->state = (EntenteFsrsState) state;
  return ok;
}

/* Reads the <CARD> object at @member of @object, with the reader's path extended. */
static gboolean
read_nested_card (Reader          *reader,
                  JsonObject      *object,
                  const char      *member,
                  EntenteFsrsCard *card)
{
  JsonObject *nested = read_object (reader, object, member);
  gsize length = reader->path->len;
  gboolean ok;

  if (nested == NULL)
    return FALSE;

  g_string_append_printf (reader->path, ".%s", member);
  ok = read_card_json (reader, nested, card);
  g_string_truncate (reader->path, length);
  return ok;
}

static gboolean
read_log_json (Reader         *reader,
               JsonObject     *object,
               EntenteFsrsLog *log)
{
  JsonObject *nested = read_object (reader, object, "log");
  gsize length = reader->path->len;
  gint64 state = ENTENTE_FSRS_STATE_NEW;
  gboolean ok;

  if (nested == NULL)
    return FALSE;

  g_string_append (reader->path, ".log");
  ok = read_int (reader, nested, "state", ENTENTE_FSRS_STATE_NEW,
                 ENTENTE_FSRS_STATE_RELEARNING, &state) &&
       read_int (reader, nested, "due", G_MININT64, G_MAXINT64, &log->due) &&
       read_double (reader, nested, "stability", &log->stability) &&
       read_double (reader, nested, "difficulty", &log->difficulty) &&
       read_uint (reader, nested, "elapsed_days", &log->elapsed_days) &&
       read_uint (reader, nested, "last_elapsed_days", &log->last_elapsed_days) &&
       read_uint (reader, nested, "scheduled_days", &log->scheduled_days) &&
       read_uint (reader, nested, "learning_steps", &log->learning_steps);
  log->state = (EntenteFsrsState) state;
  g_string_truncate (reader->path, length);
  return ok;
}

/* The export nests five levels deep. json-glib recurses once per level, so a hostile file
 * of nothing but brackets could exhaust the stack: refuse deep nesting before parsing. */
#define MAX_NESTING 32

static gboolean
nesting_is_sane (const char *data,
                 gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

typedef struct
{
  EntenteProgressStore *self;
  Reader                reader;
  GHashTable           *touched; /* pack id → set of card ids that gained reviews */
  guint                 n_added;
  guint                 n_cards_added;
  guint                 n_results_added;
} Import;

static gboolean
import_review (Import     *import,
               const char *pack_id,
               JsonObject *object,
               GError    **error)
{
  Reader *reader = &import->reader;
  EntenteFsrsLog log = { 0 };
  EntenteFsrsCard before = { 0 };
  EntenteFsrsCard after = { 0 };
  gboolean had_state;
  const char *card_id;
  gint64 rating;
  guint answer_ms;
  JsonNode *before_node;
  g_autoptr(CachedStmt) stmt = NULL;

  if (!(card_id = read_id (reader, object, "card")) ||
      !read_int (reader, object, "time", G_MININT64, G_MAXINT64, &log.review) ||
      !read_int (reader, object, "rating", ENTENTE_FSRS_RATING_AGAIN, ENTENTE_FSRS_RATING_EASY,
                 &rating) ||
      !read_uint (reader, object, "answer_ms", &answer_ms) ||
      !read_log_json (reader, object, &log) ||
      !(before_node = reader_member (reader, object, "before")))
    return FALSE;
  log.rating = (EntenteFsrsRating) rating;

  had_state = !JSON_NODE_HOLDS_NULL (before_node);
  if ((had_state && !read_nested_card (reader, object, "before", &before)) ||
      !read_nested_card (reader, object, "after", &after))
    return FALSE;

  if (!(stmt = get_stmt (import->self, STMT_IMPORT_REVIEW, error)))
    return FALSE;

  bind_review (stmt, pack_id, card_id, &log, answer_ms, had_state ? &before : NULL, &after);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (import->self, error);
      return FALSE;
    }

  if (sqlite3_changes (import->self->db) > 0)
    {
      GHashTable *cards = g_hash_table_lookup (import->touched, pack_id);

      if (cards == NULL)
        {
          cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (import->touched, g_strdup (pack_id), cards);
        }
      g_hash_table_add (cards, g_strdup (card_id));
      import->n_added++;
    }

  return TRUE;
}

/* A result's identity is its pack, kind, time and text: one already present is skipped. */
static gboolean
import_result (Import     *import,
               const char *pack_id,
               JsonObject *object,
               GError    **error)
{
  Reader *reader = &import->reader;
  g_autoptr(OwnedStmt) stmt = NULL;
  EntenteProgressResultKind kind;
  JsonNode *kind_node, *json_node;
  const char *kind_name, *json;
  guint n_correct, n_total;
  gint64 time_ms, elapsed_ms;
  int rc;

  if (!(kind_node = reader_member (reader, object, "kind")))
    return FALSE;
  kind_name = JSON_NODE_HOLDS_VALUE (kind_node) &&
              json_node_get_value_type (kind_node) == G_TYPE_STRING
              ? json_node_get_string (kind_node) : NULL;
  if (g_strcmp0 (kind_name, "exam") == 0)
    kind = ENTENTE_PROGRESS_RESULT_EXAM;
  else if (g_strcmp0 (kind_name, "map-quiz") == 0)
    kind = ENTENTE_PROGRESS_RESULT_MAP_QUIZ;
  else
    /* Translators: follows where in the file, such as "packs[0].results[3].kind: "; do not
     * translate the quoted words */
    return reader_fail (reader, "kind", _("must be “exam” or “map-quiz”"));

  if (!read_int (reader, object, "time", G_MININT64, G_MAXINT64, &time_ms) ||
      !read_uint (reader, object, "n_correct", &n_correct) ||
      !read_uint (reader, object, "n_total", &n_total) ||
      !read_int (reader, object, "elapsed_ms", 0, G_MAXINT64, &elapsed_ms) ||
      !(json_node = reader_member (reader, object, "json")))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (json_node) ||
      json_node_get_value_type (json_node) != G_TYPE_STRING)
    /* Translators: follows where in the file, such as "packs[0].results[3].json: " */
    return reader_fail (reader, "json", _("must be a string"));
  json = json_node_get_string (json_node);

  if (!(stmt = prepare (import->self,
                        "INSERT INTO result (pack_id, kind, time, n_correct, n_total, "
                        "elapsed_ms, json) "
                        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM "
                        "result WHERE pack_id = ?1 AND kind = ?2 AND time = ?3 AND json = ?7)",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, time_ms);
  sqlite3_bind_int64 (stmt, 4, n_correct);
  sqlite3_bind_int64 (stmt, 5, n_total);
  sqlite3_bind_int64 (stmt, 6, elapsed_ms);
  sqlite3_bind_text (stmt, 7, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (import->self, error);
      return FALSE;
    }
  import->n_results_added += sqlite3_changes (import->self->db);

  return TRUE;
}

static gboolean
import_pack (Import     *import,
             JsonObject *object,
             GError    **error)
{
  Reader *reader = &import->reader;
  gsize length = reader->path->len;
  const char *pack_id;
  JsonArray *cards, *reviews, *results = NULL;

  if (!(pack_id = read_id (reader, object, "id")) ||
      !(cards = read_array (reader, object, "cards")) ||
      !(reviews = read_array (reader, object, "reviews")))
    return FALSE;
  /* Version 1 files have no results. */
  if (json_object_has_member (object, "results") &&
      !(results = read_array (reader, object, "results")))
    return FALSE;

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      gboolean ok;

      g_string_append_printf (reader->path, ".results[%u]", i);
      ok = JSON_NODE_HOLDS_OBJECT (node)
           ? import_result (import, pack_id, json_node_get_object (node), error)
           /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
           : reader_fail (reader, NULL, _("must be an object"));
      g_string_truncate (reader->path, length);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonNode *node = json_array_get_element (reviews, i);
      gboolean ok;

      g_string_append_printf (reader->path, ".reviews[%u]", i);
      ok = JSON_NODE_HOLDS_OBJECT (node)
           ? import_review (import, pack_id, json_node_get_object (node), error)
           /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
           : reader_fail (reader, NULL, _("must be an object"));
      g_string_truncate (reader->path, length);
      if (!ok)
        return FALSE;
    }

  /* A card's listed state counts only where the store knows nothing of the card: its
   * reviews, when it has any, decide (below). */
  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonNode *node = json_array_get_element (cards, i);
      EntenteFsrsCard card;
      const char *card_id = NULL;
      gboolean ok;

      g_string_append_printf (reader->path, ".cards[%u]", i);
      ok = JSON_NODE_HOLDS_OBJECT (node)
           ? ((card_id = read_id (reader, json_node_get_object (node), "id")) != NULL &&
              read_card_json (reader, json_node_get_object (node), &card))
           /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
           : reader_fail (reader, NULL, _("must be an object"));
      g_string_truncate (reader->path, length);
      if (!ok)
        return FALSE;

      if (!write_card (import->self, STMT_INSERT_CARD_IF_NONE, pack_id, card_id, &card, error))
        return FALSE;
      import->n_cards_added += sqlite3_changes (import->self->db);
    }

  return TRUE;
}

/* Gives each card that gained reviews the state after its latest review by time. */
static gboolean
settle_touched_cards (Import  *import,
                      GError **error)
{
  GHashTableIter packs;
  gpointer pack_id, cards;

  g_hash_table_iter_init (&packs, import->touched);
  while (g_hash_table_iter_next (&packs, &pack_id, &cards))
    {
      GHashTableIter iter;
      gpointer card_id;

      g_hash_table_iter_init (&iter, cards);
      while (g_hash_table_iter_next (&iter, &card_id, NULL))
        {
          EntenteFsrsCard card;

          {
            g_autoptr(CachedStmt) stmt = get_stmt (import->self, STMT_SELECT_LATEST_REVIEW,
                                                   error);

            if (stmt == NULL)
              return FALSE;

            sqlite3_bind_text (stmt, 1, pack_id, -1, SQLITE_STATIC);
            sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_STATIC);
            if (sqlite3_step (stmt) != SQLITE_ROW)
              {
                set_read_error (import->self, error);
                return FALSE;
              }
            read_card (stmt, 1, &card);
          }

          if (!write_card (import->self, STMT_UPSERT_CARD, pack_id, card_id, &card, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_root (Import     *import,
             JsonNode   *root,
             GError    **error)
{
  Reader *reader = &import->reader;
  JsonObject *object;
  JsonNode *format;
  JsonArray *packs;
  gint64 version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    /* Translators: said of the whole file, after "Could not import “FILE”: " */
    return reader_fail (reader, NULL, _("it is not an Entente progress file"));

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      g_strcmp0 (json_node_get_string (format), "entente-progress") != 0)
    /* Translators: said of the whole file, after "Could not import “FILE”: " */
    return reader_fail (reader, NULL, _("it is not an Entente progress file"));

  if (!read_int (reader, object, "version", 1, G_MAXINT64, &version))
    return FALSE;
  if (version > ENTENTE_PROGRESS_EXPORT_VERSION)
    /* Translators: said of the whole file, after "Could not import “FILE”: " */
    return reader_fail (reader, NULL, _("it was written by a newer version of Entente"));

  if (!(packs = read_array (reader, object, "packs")))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (packs); i++)
    {
      JsonNode *node = json_array_get_element (packs, i);
      gboolean ok;

      g_string_printf (reader->path, "packs[%u]", i);
      ok = JSON_NODE_HOLDS_OBJECT (node)
           ? import_pack (import, json_node_get_object (node), error)
           /* Translators: follows where in the file, such as "packs[0].reviews[3].rating: " */
           : reader_fail (reader, NULL, _("must be an object"));
      g_string_truncate (reader->path, 0);
      if (!ok)
        return FALSE;
    }

  return settle_touched_cards (import, error);
}

gboolean
entente_progress_store_import (EntenteProgressStore  *self,
                               GFile                 *file,
                               GCancellable          *cancellable,
                               guint                 *out_n_added,
                               GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  Import import = { self, { NULL, NULL }, NULL, 0, 0, 0 };
  gsize length;
  gboolean ok;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;

  name = g_file_get_parse_name (file);

  if (!check_writable (self, error))
    return FALSE;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_INVALID,
                   /* Translators: an error shown when importing progress (Import Progress…
                      in the main menu) fails; the message is followed by "Nothing was
                      changed."; the first %s is the name of the file chosen, the second the
                      reason, from the system or a description of what is wrong in the file */
                   _("Could not import “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!nesting_is_sane (contents, length))
    {
      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_INVALID,
                   /* Translators: an error shown when importing progress (Import Progress…
                      in the main menu) fails; the message is followed by "Nothing was
                      changed."; %s is the name of the file chosen */
                   _("Could not import “%s”: it is not an Entente progress file"), name);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_INVALID,
                   /* Translators: an error shown when importing progress (Import Progress…
                      in the main menu) fails; the message is followed by "Nothing was
                      changed."; the first %s is the name of the file chosen, the second the
                      JSON parser's (English) description of the syntax error */
                   _("Could not import “%s”: it is not valid JSON (%s)"),
                   name, local_error->message);
      return FALSE;
    }

  if (!begin_write (self, error))
    return FALSE;

  import.reader.path = g_string_new (NULL);
  import.touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  ok = import_root (&import, json_parser_get_root (parser), &local_error);
  if (!ok && local_error == NULL)
    local_error = g_error_new (ENTENTE_PROGRESS_STORE_ERROR,
                               ENTENTE_PROGRESS_STORE_ERROR_INVALID,
                               /* Translators: an error shown when importing progress
                                  (Import Progress… in the main menu) fails; the message is
                                  followed by "Nothing was changed."; the first %s is the name
                                  of the file chosen, the second the reason, from the system or
                                  a description of what is wrong in the file */
                               _("Could not import “%s”: %s"), name, import.reader.problem);

  g_string_free (import.reader.path, TRUE);
  g_free (import.reader.problem);
  g_hash_table_unref (import.touched);

  if (!ok)
    {
      rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  if (out_n_added != NULL)
    *out_n_added = import.n_added;
  if (import.n_added > 0 || import.n_cards_added > 0 || import.n_results_added > 0)
    g_signal_emit (self, signals[CHANGED], 0, NULL);

  return TRUE;
}
