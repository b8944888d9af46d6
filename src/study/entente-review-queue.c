/* entente-review-queue.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-review-queue.h"

struct _EntenteReviewQueue
{
  GArray       *items;
  GStringChunk *ids;
  guint         n_learning;
  guint         n_review;
  guint         n_new;
  guint         n_new_available;
  guint         n_learning_later;
  gint64        next_learning_due;
  gint64        next_due;
  gint64        day_end;
};

typedef struct
{
  const char *card_id;
  guint       pack_index;
  gint64      due;
} Pending;

static int
compare_due_then_id (gconstpointer a,
                     gconstpointer b)
{
  const Pending *pa = a;
  const Pending *pb = b;

  if (pa->due != pb->due)
    return pa->due < pb->due ? -1 : 1;

  return strcmp (pa->card_id, pb->card_id);
}

static gint64
date_time_to_ms (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

/* Midnight that starts the day after @now's, in @now's time zone. */
static gint64
start_of_tomorrow (GDateTime *now)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, day;

  if (tomorrow == NULL)
    return G_MAXINT64;

  g_date_time_get_ymd (tomorrow, &year, &month, &day);
  midnight = g_date_time_new (g_date_time_get_timezone (now), year, month, day, 0, 0, 0);
  if (midnight == NULL)
    return date_time_to_ms (tomorrow);

  return date_time_to_ms (midnight);
}

static void
append_items (EntenteReviewQueue *queue,
              GArray             *pending,
              EntenteReviewKind   kind)
{
  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *p = &g_array_index (pending, Pending, i);
      EntenteReviewItem item;

      item.card_id = g_string_chunk_insert (queue->ids, p->card_id);
      item.pack_index = p->pack_index;
      item.kind = kind;
      item.due = p->due;
      g_array_append_val (queue->items, item);
    }
}

EntenteReviewQueue *
entente_review_queue_new (const char * const *card_ids,
                          gssize              n_card_ids,
                          GHashTable         *cards,
                          GDateTime          *now,
                          guint               new_introduced_today,
                          guint               new_limit)
{
  g_autoptr(GArray) learning = NULL;
  g_autoptr(GArray) review = NULL;
  g_autoptr(GArray) fresh = NULL;
  EntenteReviewQueue *queue;
  guint new_quota;
  guint n_later = 0;
  gint64 now_ms;
  gsize n;

  g_return_val_if_fail (card_ids != NULL || n_card_ids == 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (n_card_ids < 0)
    n = g_strv_length ((char **) card_ids);
  else
    n = (gsize) n_card_ids;

  queue = g_new0 (EntenteReviewQueue, 1);
  queue->ids = g_string_chunk_new (4096);
  queue->day_end = start_of_tomorrow (now);
  now_ms = date_time_to_ms (now);
  new_quota = new_limit > new_introduced_today ? new_limit - new_introduced_today : 0;

  learning = g_array_new (FALSE, FALSE, sizeof (Pending));
  review = g_array_new (FALSE, FALSE, sizeof (Pending));
  fresh = g_array_sized_new (FALSE, FALSE, sizeof (Pending), MIN (new_quota, n));

  for (gsize i = 0; i < n; i++)
    {
      const EntenteFsrsCard *card = cards != NULL ? g_hash_table_lookup (cards, card_ids[i]) : NULL;
      Pending p = { card_ids[i], (guint) i, 0 };

      if (card == NULL || card->state == ENTENTE_FSRS_STATE_NEW)
        {
          queue->n_new_available++;
          if (fresh->len < new_quota)
            g_array_append_val (fresh, p);
          continue;
        }

      p.due = card->due;
      if (card->state == ENTENTE_FSRS_STATE_REVIEW)
        {
          if (card->due < queue->day_end)
            {
              g_array_append_val (review, p);
              continue;
            }
        }
      else if (card->due <= now_ms)
        {
          g_array_append_val (learning, p);
          continue;
        }
      else if (card->due < queue->day_end)
        {
          if (queue->n_learning_later == 0 || card->due < queue->next_learning_due)
            queue->next_learning_due = card->due;
          queue->n_learning_later++;
        }

      if (n_later == 0 || card->due < queue->next_due)
        queue->next_due = card->due;
      n_later++;
    }

  g_array_sort (learning, compare_due_then_id);
  g_array_sort (review, compare_due_then_id);

  queue->n_learning = learning->len;
  queue->n_review = review->len;
  queue->n_new = fresh->len;
  queue->items = g_array_sized_new (FALSE, FALSE, sizeof (EntenteReviewItem),
                                    learning->len + review->len + fresh->len);
  append_items (queue, learning, ENTENTE_REVIEW_KIND_LEARNING);
  append_items (queue, review, ENTENTE_REVIEW_KIND_REVIEW);
  append_items (queue, fresh, ENTENTE_REVIEW_KIND_NEW);

  return queue;
}

void
entente_review_queue_free (EntenteReviewQueue *queue)
{
  if (queue == NULL)
    return;

  g_array_unref (queue->items);
  g_string_chunk_free (queue->ids);
  g_free (queue);
}

guint
entente_review_queue_get_n_items (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->items->len;
}

const EntenteReviewItem *
entente_review_queue_get_item (const EntenteReviewQueue *queue,
                               guint                     position)
{
  g_return_val_if_fail (queue != NULL, NULL);

  if (position >= queue->items->len)
    return NULL;

  return &g_array_index (queue->items, EntenteReviewItem, position);
}

const EntenteReviewItem *
entente_review_queue_peek (const EntenteReviewQueue *queue)
{
  return entente_review_queue_get_item (queue, 0);
}

guint
entente_review_queue_get_n_due (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_learning + queue->n_review;
}

guint
entente_review_queue_get_n_learning (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_learning;
}

guint
entente_review_queue_get_n_review (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_review;
}

guint
entente_review_queue_get_n_new (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_new;
}

guint
entente_review_queue_get_n_new_available (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_new_available;
}

guint
entente_review_queue_get_n_learning_later (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->n_learning_later;
}

gint64
entente_review_queue_get_next_learning_due (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->next_learning_due;
}

gint64
entente_review_queue_get_next_due (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->next_due;
}

gint64
entente_review_queue_get_day_end (const EntenteReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return queue->day_end;
}
