/* entente-fsrs.h: the FSRS-6 scheduler, as pure functions over plain structs
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computes exactly what the reference implementation, ts-fsrs 5.4.x, computes: the same
 * default weights, learning and relearning steps, rounding, day counting and fuzz. Times
 * are milliseconds since the Unix epoch (UTC), as JavaScript's Date.getTime() counts them.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ENTENTE_FSRS_N_WEIGHTS 21
#define ENTENTE_FSRS_MAX_STEPS 8

typedef enum
{
  ENTENTE_FSRS_STATE_NEW        = 0,
  ENTENTE_FSRS_STATE_LEARNING   = 1,
  ENTENTE_FSRS_STATE_REVIEW     = 2,
  ENTENTE_FSRS_STATE_RELEARNING = 3,
} EntenteFsrsState;

typedef enum
{
  ENTENTE_FSRS_RATING_AGAIN = 1,
  ENTENTE_FSRS_RATING_HARD  = 2,
  ENTENTE_FSRS_RATING_GOOD  = 3,
  ENTENTE_FSRS_RATING_EASY  = 4,
} EntenteFsrsRating;

/* A card's scheduling state, field for field ts-fsrs's Card. */
typedef struct
{
  gint64           due;            /* ms since the epoch */
  double           stability;
  double           difficulty;
  guint            elapsed_days;
  guint            scheduled_days;
  guint            learning_steps; /* index of the next (re)learning step */
  guint            reps;
  guint            lapses;
  EntenteFsrsState state;
  gint64           last_review;    /* ms since the epoch; 0 when never reviewed */
} EntenteFsrsCard;

/* What one review did, field for field ts-fsrs's ReviewLog. */
typedef struct
{
  EntenteFsrsRating rating;
  EntenteFsrsState  state;         /* the state before the review */
  gint64            due;           /* the previous review; a new card's due time */
  double            stability;     /* before the review */
  double            difficulty;    /* before the review */
  guint             elapsed_days;
  guint             last_elapsed_days;
  guint             scheduled_days;
  guint             learning_steps;
  gint64            review;        /* when the review happened */
} EntenteFsrsLog;

typedef struct
{
  double   w[ENTENTE_FSRS_N_WEIGHTS];
  double   request_retention;     /* 0.9 */
  guint    maximum_interval;      /* days; 36500 */
  gboolean enable_fuzz;           /* FALSE */
  gboolean enable_short_term;     /* TRUE */
  guint    n_learning_steps;      /* 2 */
  guint    learning_steps[ENTENTE_FSRS_MAX_STEPS];   /* seconds: 60, 600 */
  guint    n_relearning_steps;    /* 1 */
  guint    relearning_steps[ENTENTE_FSRS_MAX_STEPS]; /* seconds: 600 */

  /* Private: what entente_fsrs_params_init_default() and entente_fsrs_params_clip() derive
   * from w[4], w[5], w[8], w[20] and request_retention, used while those still hold the
   * values in derived_from and computed afresh for every review otherwise. */
  double   derived_from[5];
  double   derived[4];
} EntenteFsrsParams;

void     entente_fsrs_params_init_default (EntenteFsrsParams       *params);

void     entente_fsrs_card_init           (EntenteFsrsCard         *card,
                                           gint64                   now);

/* The card after a review with @rating at @now, and the log of that review (@log may be
 * NULL). Pure: the same arguments always give the same result, fuzz included. */
void     entente_fsrs_next                (const EntenteFsrsParams *params,
                                           const EntenteFsrsCard   *card,
                                           gint64                   now,
                                           EntenteFsrsRating        rating,
                                           EntenteFsrsCard         *next,
                                           EntenteFsrsLog          *log);

/* The probability of recall at @now (0 for a new card). */
double   entente_fsrs_retrievability      (const EntenteFsrsParams *params,
                                           const EntenteFsrsCard   *card,
                                           gint64                   now) G_GNUC_PURE;

/* Clamps the weights into the ranges ts-fsrs allows, as ts-fsrs does when it is created
 * (the ceiling of w[17] and w[18] depends on the number of relearning steps). Call it
 * after changing @params->w, the retention or the relearning steps; the defaults need no
 * clipping. Steps count in whole minutes, as in ts-fsrs: seconds are divided by 60 and
 * rounded down. */
void     entente_fsrs_params_clip         (EntenteFsrsParams       *params);

/* The card after each of the four ratings at @now: @next[rating - 1], as ts-fsrs's
 * repeat() gives them. For the grade buttons, with entente_fsrs_format_interval(). */
void     entente_fsrs_preview             (const EntenteFsrsParams *params,
                                           const EntenteFsrsCard   *card,
                                           gint64                   now,
                                           EntenteFsrsCard          next[4]);

/* The time from @from to @to (ms) as a grade button shows it: "10 min", "6 h", "3 d",
 * "2 mo", "1 y", in whole units rounded down (ts-fsrs's show_diff_message: months of 31
 * days, years of 12 months). */
char    *entente_fsrs_format_interval     (gint64                   from,
                                           gint64                   to) G_GNUC_MALLOC;

G_END_DECLS
