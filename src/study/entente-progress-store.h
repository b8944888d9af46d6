/* entente-progress-store.h: the learner's progress, in SQLite
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "entente-fsrs.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_PROGRESS_STORE (entente_progress_store_get_type ())
#define ENTENTE_PROGRESS_STORE_ERROR (entente_progress_store_error_quark ())

/* The only owner of the progress database: cards' FSRS states and the review log, keyed by
 * (pack id, card id), so that a new edition of a pack keeps its history and rows of cards
 * that a pack no longer has are kept. Properties: "path" (construct-only), "read-only",
 * "moved-aside-path" and "notice". The "changed" signal (const char *pack_id, or NULL
 * after an import) is emitted after each committed write. One thread at a time. */
G_DECLARE_FINAL_TYPE (EntenteProgressStore, entente_progress_store,
                      ENTENTE, PROGRESS_STORE, GObject)

typedef enum
{
  ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY,  /* newer Entente's, or not writable: read-only */
  ENTENTE_PROGRESS_STORE_ERROR_DATABASE,   /* SQLite failed (disk full, I/O error, locked) */
  ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND,  /* no review with that id */
  ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST, /* undo of a review the card has changed since */
  ENTENTE_PROGRESS_STORE_ERROR_DUPLICATE,  /* same pack, card, time and rating already */
  ENTENTE_PROGRESS_STORE_ERROR_INVALID,    /* an import file that is not a valid export */
} EntenteProgressStoreError;

/* What a finished result is the result of. */
typedef enum
{
  ENTENTE_PROGRESS_RESULT_EXAM = 1,
  ENTENTE_PROGRESS_RESULT_MAP_QUIZ = 2,
} EntenteProgressResultKind;

/* One finished exam or map quiz. @json is the serialised result as its module wrote it
 * (entente_exam_result_to_json () or the map quiz's); the store keeps it as text and does
 * not read it. Strings belong to the store and live only during the call that hands the
 * result out. */
typedef struct
{
  gint64                     id;
  const char                *pack_id;
  EntenteProgressResultKind  kind;
  gint64                     time_ms;    /* when it finished, ms since the Unix epoch */
  guint                      n_correct;
  guint                      n_total;
  gint64                     elapsed_ms; /* how long it took */
  const char                *json;
} EntenteProgressResult;

/* Return FALSE to stop the walk. */
typedef gboolean (*EntenteProgressResultFunc) (const EntenteProgressResult *result,
                                               gpointer                     user_data);

/* PRAGMA user_version of the newest schema this build knows. */
#define ENTENTE_PROGRESS_STORE_SCHEMA_VERSION 3
/* "version" of the export files this build writes; it reads versions 1 and 2.
 *
 * The export format, version 2, is one JSON object:
 *
 *   { "format": "entente-progress", "version": 1,
 *     "exported": <ms since the epoch>,
 *     "packs": [ { "id": <pack id>,
 *                  "cards": [ { "id": <card id>, <CARD> }, ... ],
 *                  "reviews": [ { "card": <card id>, "time": <ms>, "rating": 1-4,
 *                                 "answer_ms": <ms>, "log": <LOG>,
 *                                 "before": <CARD> or null, "after": <CARD> }, ... ],
 *                  "results": [ { "kind": "exam" or "map-quiz", "time": <ms>,
 *                                 "n_correct": <n>, "n_total": <n>, "elapsed_ms": <ms>,
 *                                 "json": <the result as its module serialised it, a
 *                                          string> }, ... ] } ] }
 *
 * where <CARD> holds the members of EntenteFsrsCard ("due", "stability", "difficulty",
 * "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state" 0-3,
 * "last_review") and <LOG> those of EntenteFsrsLog other than rating and review
 * ("state", "due", "stability", "difficulty", "elapsed_days", "last_elapsed_days",
 * "scheduled_days", "learning_steps"). Times are integers, milliseconds since the Unix
 * epoch; "state" and "rating" number as in ts-fsrs. "before" is the card's stored state
 * before the review, null for a card that had none. Ids follow the pack format. Readers
 * refuse a larger "version" and ignore members they do not know. Version 1 had no
 * "results" (a reader takes a missing one as empty). Exams in progress are not exported. */
#define ENTENTE_PROGRESS_EXPORT_VERSION 2

/* One row of the review log. Strings belong to the store and live only during the call
 * that hands the review out. */
typedef struct
{
  gint64          id;
  const char     *pack_id;
  const char     *card_id;
  EntenteFsrsLog  log;         /* log.review is the time, log.rating the grade */
  guint           answer_ms;   /* how long the learner took to answer */
  gboolean        had_state;   /* FALSE: the card had no state before (a new card) */
  EntenteFsrsCard before;      /* the card's stored state before; zeroed when !had_state */
  EntenteFsrsCard after;       /* the card's state after the review */
} EntenteProgressReview;

/* Return FALSE to stop the walk. */
typedef gboolean (*EntenteProgressReviewFunc) (const EntenteProgressReview *review,
                                               gpointer                     user_data);

/* Return FALSE to stop the walk. @state is the card's state before the review (the log's
 * state), @rating the grade. */
typedef gboolean (*EntenteProgressReviewBriefFunc) (gint64            time_ms,
                                                    EntenteFsrsState  state,
                                                    EntenteFsrsRating rating,
                                                    gpointer          user_data);

/* A pack's reviews of all time, counted. */
typedef struct
{
  guint reviews; /* every review */
  guint first;   /* reviews of a New card */
  guint counted; /* reviews of a card in the Review state (those true retention counts) */
  guint passed;  /* of those, the ones not rated Again */
} EntenteProgressCounts;

/* Counts for the local day that contains "now". */
typedef struct
{
  guint new_cards; /* cards reviewed for the first time today */
  guint reviews;   /* reviews done today, first ones included */
  guint streak;    /* consecutive days with reviews, ending today or, if none yet, yesterday */
} EntenteProgressDay;

GQuark                entente_progress_store_error_quark     (void);

/* <user data dir>/entente/progress.db */
char                 *entente_progress_store_get_default_path (void);

/* Opens (creating it and its folder when missing) the database at @path. A damaged file
 * is moved aside and a fresh one used: see get_moved_aside_path () and get_notice (). A
 * database from a newer Entente, or one that cannot be written, opens read-only. Fails
 * only when no usable database can be had at @path (for example where a file stands in
 * place of its folder), with a message. */
EntenteProgressStore *entente_progress_store_open            (const char       *path,
                                                              GError          **error);
/* The same in a worker thread: opening checks the whole file (PRAGMA integrity_check), which
 * takes a noticeable time for a large history (docs/benchmarks.md). The store is then used
 * from the thread that called open_finish (). */
void                  entente_progress_store_open_async      (const char          *path,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
EntenteProgressStore *entente_progress_store_open_finish     (GAsyncResult     *result,
                                                              GError          **error);

const char           *entente_progress_store_get_path        (EntenteProgressStore *self);
gboolean              entente_progress_store_get_read_only   (EntenteProgressStore *self);
/* Where a damaged database was moved to when this store was opened, or NULL. */
const char           *entente_progress_store_get_moved_aside_path (EntenteProgressStore *self);
/* A translated message for the learner about how the database was opened (moved aside,
 * read-only), or NULL when all was well. */
const char           *entente_progress_store_get_notice      (EntenteProgressStore *self);

/* Commits the review (a log row and the card's new state @after) in one transaction and
 * returns its id (> 0) only after the commit. @log comes from entente_fsrs_next ();
 * log->review is the review's time. The state the store held before is kept in the log
 * row, so that undo_review () restores it exactly. Returns 0 and sets @error on failure. */
gint64                entente_progress_store_record_review   (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              const char            *card_id,
                                                              const EntenteFsrsLog  *log,
                                                              const EntenteFsrsCard *after,
                                                              guint                  answer_ms,
                                                              GError               **error);
/* Removes the review and gives its card back the state from before it (or no state at all,
 * for a card that was new). Only the review that gave the card its current state can be
 * undone: the card's last recorded one, unless an import has changed the card since (a
 * bring_forward () in between, which moves only the due time, does not count). */
gboolean              entente_progress_store_undo_review     (EntenteProgressStore  *self,
                                                              gint64                 review_id,
                                                              GError               **error);

/* TRUE and @out_card filled when the card has a state; FALSE when it has none (@error
 * unset) or when the database failed (@error set). */
gboolean              entente_progress_store_lookup_card     (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              const char            *card_id,
                                                              EntenteFsrsCard       *out_card,
                                                              GError               **error);
/* Every card of the pack that has a state: card id (char *) → EntenteFsrsCard *. */
GHashTable           *entente_progress_store_load_pack       (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              GError               **error);
/* The ids of the pack's learned cards (those with a state other than New), as a set. */
GHashTable           *entente_progress_store_load_learned    (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              GError               **error);
/* Today's counts in @now's time zone, for one pack or, when @pack_id is NULL, all. */
gboolean              entente_progress_store_get_day         (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              GDateTime             *now,
                                                              EntenteProgressDay    *out_day,
                                                              GError               **error);
/* Calls @func for each review of the pack, oldest first (by time, then id). */
gboolean              entente_progress_store_foreach_review  (EntenteProgressStore     *self,
                                                              const char               *pack_id,
                                                              EntenteProgressReviewFunc func,
                                                              gpointer                  user_data,
                                                              GError                  **error);

/* The pack's reviews of all time, counted in the database (an index answers it). */
gboolean              entente_progress_store_count_reviews   (EntenteProgressStore     *self,
                                                              const char               *pack_id,
                                                              EntenteProgressCounts    *out_counts,
                                                              GError                  **error);
/* Calls @func with the time, state before and rating of each review of the pack at or
 * after @since_ms, oldest first (by time, then id): what statistics need, read without
 * the rest of each row. */
gboolean              entente_progress_store_foreach_review_since (EntenteProgressStore          *self,
                                                                   const char                    *pack_id,
                                                                   gint64                         since_ms,
                                                                   EntenteProgressReviewBriefFunc func,
                                                                   gpointer                       user_data,
                                                                   GError                       **error);

/* Keeps a finished exam or map quiz, committed before returning; returns its id (> 0), or
 * 0 with @error set. Every result is kept until deleted or the pack is forgotten. */
gint64                entente_progress_store_add_result      (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              EntenteProgressResultKind kind,
                                                              gint64                 time_ms,
                                                              guint                  n_correct,
                                                              guint                  n_total,
                                                              gint64                 elapsed_ms,
                                                              const char            *json,
                                                              GError               **error);
/* Calls @func for each result of the pack (of every kind), by time then id: oldest first,
 * or newest first when @newest_first. */
gboolean              entente_progress_store_foreach_result  (EntenteProgressStore     *self,
                                                              const char               *pack_id,
                                                              gboolean                  newest_first,
                                                              EntenteProgressResultFunc func,
                                                              gpointer                  user_data,
                                                              GError                  **error);
/* Calls @func once with the result @id; fails with NOT_FOUND when there is none. */
gboolean              entente_progress_store_get_result      (EntenteProgressStore     *self,
                                                              gint64                    id,
                                                              EntenteProgressResultFunc func,
                                                              gpointer                  user_data,
                                                              GError                  **error);
/* Deletes one result; NOT_FOUND when there is none with @id. */
gboolean              entente_progress_store_delete_result   (EntenteProgressStore  *self,
                                                              gint64                 id,
                                                              GError               **error);

/* The pack's exam in progress (one per pack), as its module serialised it
 * (entente_exam_to_json ()). Saving replaces the previous one; all three commit before
 * returning. dup_exam_in_progress () returns NULL with @error unset when there is none. */
gboolean              entente_progress_store_save_exam_in_progress  (EntenteProgressStore  *self,
                                                                     const char            *pack_id,
                                                                     const char            *json,
                                                                     GError               **error);
char                 *entente_progress_store_dup_exam_in_progress   (EntenteProgressStore  *self,
                                                                     const char            *pack_id,
                                                                     GError               **error);
gboolean              entente_progress_store_clear_exam_in_progress (EntenteProgressStore  *self,
                                                                     const char            *pack_id,
                                                                     GError               **error);

/* Sends cards the learner got wrong in an exam into today's reviews: each of @card_ids
 * (NULL-terminated) that has a state other than New gets due = @now, everything else of
 * its state kept. This is not a review: it writes no log row and changes no schedule
 * parameter. Cards without a state, or New, are left alone (they come as new cards
 * anyway). undo_review () of the card's last review still works afterwards and gives the
 * card back its state from before that review. @out_n (may be NULL) receives the number
 * of cards brought forward; "changed" is emitted only when there were any. */
gboolean              entente_progress_store_bring_forward   (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              const char * const    *card_ids,
                                                              gint64                 now,
                                                              guint                 *out_n,
                                                              GError               **error);

/* Resets the pack's progress: deletes its card states, review log, results and exam in
 * progress in one transaction. Other packs are untouched. */
gboolean              entente_progress_store_forget_pack     (EntenteProgressStore  *self,
                                                              const char            *pack_id,
                                                              GError               **error);

/* Writes all progress to @file in the export format above, replacing it atomically. */
gboolean              entente_progress_store_export          (EntenteProgressStore  *self,
                                                              GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              GError               **error);
/* Merges an export into the store in one transaction: reviews already present (same pack,
 * card, time and rating) are skipped, and so are results already present (same pack, kind,
 * time and json); each card that gained reviews takes the state after
 * its latest review by time. On any problem nothing changes and @error names the file.
 * @out_n_added (may be NULL) receives the number of reviews added. */
gboolean              entente_progress_store_import          (EntenteProgressStore  *self,
                                                              GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              guint                 *out_n_added,
                                                              GError               **error);

G_END_DECLS
