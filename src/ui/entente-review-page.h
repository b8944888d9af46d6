/* entente-review-page.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-pack.h"
#include "entente-progress-store.h"

G_BEGIN_DECLS

/* The Review page: today's cards (due and new, scheduled with FSRS), one at a time, each
 * grade committed to the progress store before the next card shows.
 *
 * Widget actions: "review.start", "review.reveal" (Space), "review.grade" (i, 1-4; keys
 * 1-4), "review.choose" (i, keys 1-8 on a choice card), "review.continue" (Space or
 * Enter after an automatically graded card), "review.undo" (Ctrl+Z), "review.finish"
 * (Escape ends a session). Signal "show-section" (const char *id): a card's section. */

#define ENTENTE_TYPE_REVIEW_PAGE (entente_review_page_get_type ())

G_DECLARE_FINAL_TYPE (EntenteReviewPage, entente_review_page, ENTENTE, REVIEW_PAGE, GtkWidget)

typedef enum
{
  ENTENTE_REVIEW_PHASE_TODAY,    /* the overview of today */
  ENTENTE_REVIEW_PHASE_QUESTION, /* a card's question */
  ENTENTE_REVIEW_PHASE_ANSWER,   /* a card's answer, before or after its grade */
  ENTENTE_REVIEW_PHASE_DONE,     /* the summary of a session */
} EntenteReviewPhase;

GtkWidget          *entente_review_page_new              (void);

void                entente_review_page_set_pack         (EntenteReviewPage    *self,
                                                          EntentePack          *pack);
EntentePack        *entente_review_page_get_pack         (EntenteReviewPage    *self);
/* NULL or read-only: the page shows the cards it could review but cannot save grades. */
void                entente_review_page_set_store        (EntenteReviewPage    *self,
                                                          EntenteProgressStore *store);

/* Starts today's review, or a session over @section_id's cards and its subsections'. */
void                entente_review_page_start            (EntenteReviewPage    *self);
void                entente_review_page_start_section    (EntenteReviewPage    *self,
                                                          const char           *section_id);

EntenteReviewPhase  entente_review_page_get_phase        (EntenteReviewPage    *self);
/* The card on show, or NULL. */
EntenteCard        *entente_review_page_get_card         (EntenteReviewPage    *self);
/* Cards due and new today (property "n-today"). */
guint               entente_review_page_get_n_today      (EntenteReviewPage    *self);
/* Reviews committed in this session (undone ones not counted). */
guint               entente_review_page_get_n_reviewed   (EntenteReviewPage    *self);
/* The map of a map card (for tests), or NULL. */
GtkWidget          *entente_review_page_get_map_view     (EntenteReviewPage    *self);

/* The ids of the cards of @section_id and of its subsections, in pack order. */
GPtrArray          *entente_review_collect_section_cards (EntentePack          *pack,
                                                          const char           *section_id);

G_END_DECLS
