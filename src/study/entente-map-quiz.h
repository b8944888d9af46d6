/* entente-map-quiz.h: quizzes on the pack's states, answered on the map
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure computation over a loaded pack: no GTK, no storage. Three modes:
 *   FIND      "Find Kazakhstan": the learner clicks a state; the answer is its ISO 3166-1
 *             alpha-2 code, compared ignoring case.
 *   IDENTIFY  "Which state is this?": the map highlights a state; four choices, the right
 *             one and three other states of the pack (any status), in the seed's order.
 *   CAPITAL   "What is the capital of Kazakhstan?": four capitals, the right one and
 *             three other capitals of the pack's states; states without a capital are
 *             not asked.
 * The states asked are the pack's members whose current status is in the filter, in an
 * order drawn by the seed, without repeats. With fewer than four states (or capitals) in
 * the pack, a question has as many choices as there are. The random numbers come from
 * splitmix64, so the same pack, mode, filter, count and seed give the same quiz.
 *
 * A quiz keeps the names and texts it shows, so its JSON reads without the pack.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_MAP_QUIZ_ERROR (entente_map_quiz_error_quark ())

typedef enum
{
  ENTENTE_MAP_QUIZ_ERROR_NO_STATES, /* no state of the pack passes the filter */
  ENTENTE_MAP_QUIZ_ERROR_INVALID,   /* JSON that is not a saved map quiz */
} EntenteMapQuizError;

GQuark entente_map_quiz_error_quark (void);

typedef enum
{
  ENTENTE_MAP_QUIZ_MODE_FIND,
  ENTENTE_MAP_QUIZ_MODE_IDENTIFY,
  ENTENTE_MAP_QUIZ_MODE_CAPITAL,
} EntenteMapQuizMode;

/* The status filter: a bitmask of (1 << EntenteMemberStatus). */
#define ENTENTE_MAP_QUIZ_STATUS(status) (1u << (status))
#define ENTENTE_MAP_QUIZ_MEMBERS  ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_MEMBER)
#define ENTENTE_MAP_QUIZ_PARTNERS (ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_OBSERVER) | \
                                   ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER) | \
                                   ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_PARTNER))
#define ENTENTE_MAP_QUIZ_ALL_STATES ((1u << ENTENTE_N_MEMBER_STATUSES) - 1)

#define ENTENTE_MAP_QUIZ_N_CHOICES 4
/* n_questions: 0 asks every state that passes the filter. */
#define ENTENTE_MAP_QUIZ_ALL_QUESTIONS 0

typedef struct _EntenteMapQuiz EntenteMapQuiz;

typedef struct
{
  const char *code;     /* the state asked */
  const char *question; /* the question's text, as entente_map_quiz_get_question_text() */
  const char *given;    /* the answer given as shown (a state's name or a capital), NULL
                         * when not answered */
  const char *right;    /* the right answer: the state's name, or its capital */
} EntenteMapQuizMistake;

/* Fails with NO_STATES when no state passes @status_filter (for CAPITAL: none with a
 * capital). */
EntenteMapQuiz     *entente_map_quiz_new           (EntentePack         *pack,
                                                    EntenteMapQuizMode   mode,
                                                    guint                status_filter,
                                                    guint                n_questions,
                                                    guint64              seed,
                                                    GError             **error);
void                entente_map_quiz_free          (EntenteMapQuiz      *quiz);

EntenteMapQuizMode  entente_map_quiz_get_mode          (const EntenteMapQuiz *quiz);
guint               entente_map_quiz_get_status_filter (const EntenteMapQuiz *quiz);
guint64             entente_map_quiz_get_seed          (const EntenteMapQuiz *quiz);
const char         *entente_map_quiz_get_pack_id       (const EntenteMapQuiz *quiz);
guint               entente_map_quiz_get_n_questions   (const EntenteMapQuiz *quiz);

/* The state asked: to find, to highlight, or whose capital is asked. */
const char         *entente_map_quiz_get_code          (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* Its name as the quiz shows it (the pack's, else the localised ISO name). */
const char         *entente_map_quiz_get_name          (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* "Find Kazakhstan", "Which state is this?", "What is the capital of Kazakhstan?",
 * translated. */
const char         *entente_map_quiz_get_question_text (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* IDENTIFY and CAPITAL: the choices as shown (states' names or capitals), NULL-terminated;
 * NULL for FIND. */
const char * const *entente_map_quiz_get_choices       (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* IDENTIFY: the states' codes of the choices, in the same order; NULL otherwise. */
const char * const *entente_map_quiz_get_choice_codes  (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* The position of the right choice; -1 for FIND. */
int                 entente_map_quiz_get_right_choice  (const EntenteMapQuiz *quiz,
                                                        guint                 position);

/* Answering returns whether the answer is right and records it, replacing an earlier
 * one. FIND takes a code (any case), the others a choice's position; the wrong kind of
 * answer is refused (a critical warning) and returns FALSE. */
gboolean            entente_map_quiz_answer_code       (EntenteMapQuiz       *quiz,
                                                        guint                 position,
                                                        const char           *code);
gboolean            entente_map_quiz_answer_choice     (EntenteMapQuiz       *quiz,
                                                        guint                 position,
                                                        guint                 choice);
gboolean            entente_map_quiz_is_answered       (const EntenteMapQuiz *quiz,
                                                        guint                 position);
gboolean            entente_map_quiz_is_correct        (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* The choice given, or -1. */
int                 entente_map_quiz_get_given_choice  (const EntenteMapQuiz *quiz,
                                                        guint                 position);
/* FIND: the code given (upper case), or NULL. */
const char         *entente_map_quiz_get_given_code    (const EntenteMapQuiz *quiz,
                                                        guint                 position);

guint               entente_map_quiz_get_current       (const EntenteMapQuiz *quiz);
void                entente_map_quiz_set_current       (EntenteMapQuiz       *quiz,
                                                        guint                 position);

/* The score: right answers of all questions. Finished when every question is answered. */
guint               entente_map_quiz_get_n_correct     (const EntenteMapQuiz *quiz);
guint               entente_map_quiz_get_n_answered    (const EntenteMapQuiz *quiz);
gboolean            entente_map_quiz_is_finished       (const EntenteMapQuiz *quiz);
/* 0 to 100, of all questions. */
double              entente_map_quiz_get_percent       (const EntenteMapQuiz *quiz);

/* Questions answered wrongly or not at all, in the quiz's order. Free the array
 * (g_array_unref); the strings belong to the quiz. */
GArray             *entente_map_quiz_get_mistakes      (const EntenteMapQuiz *quiz);

/* The quiz with its answers (a finished quiz is its result), and back. Version 1:
 *
 *   { "format": "entente-map-quiz", "version": 1, "pack": <pack id>,
 *     "mode": "find" | "identify" | "capital", "statuses": <filter>,
 *     "n_questions": <as asked, 0 for all>, "seed": <entente_exam_format_seed ()>,
 *     "current": <position>, "n_correct": <score, for readers; recounted on reading>,
 *     "questions": [ { "code", "name",
 *                      "choices": [<label>, ...], "codes": [<code>, ...] (identify),
 *                      "right": <position>                     (identify and capital)
 *                      "answer": <position> | <code>, "answer_name" (find) }, ... ] }
 * The question texts are made again, in the language of the reader. */
JsonNode           *entente_map_quiz_to_json           (const EntenteMapQuiz  *quiz);
EntenteMapQuiz     *entente_map_quiz_new_from_json     (JsonNode              *node,
                                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteMapQuiz, entente_map_quiz_free)

G_END_DECLS
