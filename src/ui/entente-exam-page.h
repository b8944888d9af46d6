/* entente-exam-page.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-exam.h"
#include "entente-map-quiz.h"
#include "entente-pack.h"
#include "entente-progress-store.h"

G_BEGIN_DECLS

/* The Practice page: mock exams drawn from the pack's cards (no feedback until the end,
 * a timer that can pause, kept across restarts, results with the weakest sections
 * first), and map quizzes. Results are kept in the progress store.
 *
 * Widget actions: "exam.start", "exam.resume", "exam.discard", "exam.start-quiz",
 * "exam.choose" (i, keys 1-8), "exam.next" (Enter, Alt+Right), "exam.previous"
 * (Alt+Left), "exam.pause", "exam.leave" (Escape), "exam.finish", "exam.retake",
 * "exam.send-to-review", "exam.new". Signal "show-section" (const char *id). */

#define ENTENTE_TYPE_EXAM_PAGE (entente_exam_page_get_type ())

G_DECLARE_FINAL_TYPE (EntenteExamPage, entente_exam_page, ENTENTE, EXAM_PAGE, GtkWidget)

typedef enum
{
  ENTENTE_EXAM_PAGE_SETUP,
  ENTENTE_EXAM_PAGE_QUESTION,
  ENTENTE_EXAM_PAGE_RESULTS,
} EntenteExamPageState;

GtkWidget           *entente_exam_page_new          (void);

void                 entente_exam_page_set_pack     (EntenteExamPage      *self,
                                                     EntentePack          *pack);
void                 entente_exam_page_set_store    (EntenteExamPage      *self,
                                                     EntenteProgressStore *store);

/* Starts an exam over @section_ids (NULL: the whole pack) with the setup's other
 * choices; FALSE with the reason shown when no card fits. */
gboolean             entente_exam_page_start        (EntenteExamPage      *self,
                                                     const char * const   *section_ids,
                                                     guint                 n_questions,
                                                     EntenteExamKinds      kinds,
                                                     guint                 time_limit,
                                                     guint64               seed);

EntenteExamPageState entente_exam_page_get_state    (EntenteExamPage      *self);
/* The exam under way or just finished, or NULL. */
EntenteExam         *entente_exam_page_get_exam     (EntenteExamPage      *self);
/* The map quiz under way or just finished, or NULL. */
EntenteMapQuiz      *entente_exam_page_get_quiz     (EntenteExamPage      *self);
GtkWidget           *entente_exam_page_get_map_view (EntenteExamPage      *self);

/* The setup's choices, which Preferences offers too for the exam defaults (the settings
 * "exam-question-count", "exam-kinds", "exam-time-limit"): the question counts
 * (ENTENTE_EXAM_ALL_QUESTIONS last) and the time limits in minutes (0, none, first),
 * by their position in the setup's lists; and the position of the one nearest a number. */
guint                entente_exam_page_get_count_choice      (guint                 position);
guint                entente_exam_page_find_count_choice     (guint                 n_questions);
guint                entente_exam_page_get_time_limit_choice (guint                 position);
guint                entente_exam_page_find_time_limit_choice (guint                minutes);
/* The kinds of question named in "exam-kinds" ("choice", "basic", "cloze", "map"); all
 * of them for a list with none of these names. */
EntenteExamKinds     entente_exam_page_kinds_from_names      (const char * const   *names);

G_END_DECLS
