/* entente-review-queue.h: the cards to study today, in the order to study them
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure computation over the pack's card ids and their scheduling states: no GTK, no
 * storage. Build a queue again after every answer (it is cheap), or when the time of
 * entente_review_queue_get_next_learning_due() comes.
 */

#pragma once

#include <glib.h>

#include "entente-fsrs.h"

G_BEGIN_DECLS

#define ENTENTE_REVIEW_QUEUE_DEFAULT_NEW_LIMIT 20

typedef enum
{
  ENTENTE_REVIEW_KIND_LEARNING, /* a learning or relearning card whose step has come */
  ENTENTE_REVIEW_KIND_REVIEW,   /* a review card due before the end of today */
  ENTENTE_REVIEW_KIND_NEW,      /* a card never studied */
} EntenteReviewKind;

typedef struct
{
  const char        *card_id;    /* owned by the queue */
  guint              pack_index; /* the card's position in the pack's order */
  EntenteReviewKind  kind;
  gint64             due;        /* ms since the epoch; 0 for a new card */
} EntenteReviewItem;

typedef struct _EntenteReviewQueue EntenteReviewQueue;

/* Today's queue at @now, in the time zone of @now (its local day is "today"):
 *   1. learning and relearning cards due by @now, earliest first;
 *   2. review cards due before the start of tomorrow, earliest first, ties by card id;
 *   3. new cards in pack order, at most @new_limit - @new_introduced_today of them.
 * @card_ids holds the pack's card ids in pack order (@n_card_ids of them, or
 * NULL-terminated when @n_card_ids is -1). @cards maps a card id to its
 * EntenteFsrsCard*; a card that is absent, or in the state NEW, is new. */
EntenteReviewQueue      *entente_review_queue_new         (const char * const *card_ids,
                                                           gssize              n_card_ids,
                                                           GHashTable         *cards,
                                                           GDateTime          *now,
                                                           guint               new_introduced_today,
                                                           guint               new_limit);
void                     entente_review_queue_free        (EntenteReviewQueue *queue);

guint                    entente_review_queue_get_n_items (const EntenteReviewQueue *queue);
const EntenteReviewItem *entente_review_queue_get_item    (const EntenteReviewQueue *queue,
                                                           guint                     position);
/* The first card to study, or NULL when nothing is left for now. */
const EntenteReviewItem *entente_review_queue_peek        (const EntenteReviewQueue *queue);

/* Learning and review cards in the queue (kinds 1 and 2). */
guint    entente_review_queue_get_n_due             (const EntenteReviewQueue *queue);
guint    entente_review_queue_get_n_learning        (const EntenteReviewQueue *queue);
guint    entente_review_queue_get_n_review          (const EntenteReviewQueue *queue);
/* New cards in the queue, after the daily limit. */
guint    entente_review_queue_get_n_new             (const EntenteReviewQueue *queue);
/* New cards in the pack, whatever the limit. */
guint    entente_review_queue_get_n_new_available   (const EntenteReviewQueue *queue);
/* Learning cards due later today, not yet in the queue. */
guint    entente_review_queue_get_n_learning_later  (const EntenteReviewQueue *queue);
/* When the first of those comes due (ms since the epoch), or 0 when there is none. */
gint64   entente_review_queue_get_next_learning_due (const EntenteReviewQueue *queue);
/* When the first studied card that is not in the queue comes due (ms since the epoch): a
 * learning card later today or a review card on a later day; 0 when there is none. */
gint64   entente_review_queue_get_next_due          (const EntenteReviewQueue *queue);
/* The start of tomorrow in @now's time zone (ms since the epoch). */
gint64   entente_review_queue_get_day_end           (const EntenteReviewQueue *queue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteReviewQueue, entente_review_queue_free)

G_END_DECLS
