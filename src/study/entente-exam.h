/* entente-exam.h: practice exams drawn from a pack's cards, and their results
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure computation over a loaded pack: no GTK, no storage. An exam never changes a
 * card's review schedule; a result only lists the cards answered wrongly, for the UI to
 * offer them to today's review.
 *
 * How an exam is drawn, from its settings and its seed:
 *   1. The candidates are the cards whose kind is in the settings' kinds and whose section
 *      is one of the chosen sections or below one (all cards, with or without a section,
 *      when no section is chosen).
 *   2. The candidates are grouped by their own section (cards without a section form one
 *      group). The number of questions is shared among the groups in proportion to their
 *      candidates by the largest remainder method: each group first gets
 *      floor (n × group / candidates) questions; the questions still left go one each to
 *      the groups with the largest remainders (n × group mod candidates), a tie going to
 *      the larger group, then to the group the seed puts first. 30 and 10 cards and 8
 *      questions give 6 and 2.
 *   3. Each group's questions are drawn from its cards without repeats, and all the drawn
 *      questions are then put in an order of their own, both by the seed.
 *   4. A choice question shows its choices in an order drawn by the seed. A cloze question
 *      asks for one of the card's gaps, drawn by the seed, and shows the others filled in.
 * The random numbers come from splitmix64, so the same pack, settings and seed give the
 * same exam with any GLib.
 *
 * Typed answers (basic and cloze) are compared as review compares them: both sides through
 * entente_text_normalize_answer(), so case, accents, punctuation and extra spaces do not
 * count, and a basic card's "accept" texts count as well as its "back". An empty answer is
 * never right. Map answers are ISO 3166-1 alpha-2 codes, compared ignoring case.
 *
 * Times are monotonic microseconds (g_get_monotonic_time()), passed in by the caller.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_EXAM_ERROR (entente_exam_error_quark ())

typedef enum
{
  ENTENTE_EXAM_ERROR_NO_CARDS,      /* no card matches the settings */
  ENTENTE_EXAM_ERROR_UNKNOWN_SECTION, /* a chosen section is not in the pack */
  ENTENTE_EXAM_ERROR_INVALID,       /* JSON that is not a saved exam or result */
  ENTENTE_EXAM_ERROR_OTHER_PACK,    /* a saved exam of another pack, or of cards it lacks */
} EntenteExamError;

GQuark entente_exam_error_quark (void);

/* The kinds of question an exam may ask, as a bitmask. */
typedef enum
{
  ENTENTE_EXAM_KIND_CHOICE = 1 << 0, /* choice cards: pick one of the choices */
  ENTENTE_EXAM_KIND_BASIC  = 1 << 1, /* basic cards: type the back */
  ENTENTE_EXAM_KIND_CLOZE  = 1 << 2, /* cloze cards: type one gap */
  ENTENTE_EXAM_KIND_MAP    = 1 << 3, /* map cards: click the state */
} EntenteExamKinds;

#define ENTENTE_EXAM_KINDS_ALL (ENTENTE_EXAM_KIND_CHOICE | ENTENTE_EXAM_KIND_BASIC | \
                                ENTENTE_EXAM_KIND_CLOZE | ENTENTE_EXAM_KIND_MAP)

/* n_questions: 0 asks every matching card. */
#define ENTENTE_EXAM_ALL_QUESTIONS 0

typedef struct
{
  const char * const *section_ids;  /* NULL-terminated; NULL or empty: the whole pack */
  guint               n_questions;  /* 10, 20, 40, ... or ENTENTE_EXAM_ALL_QUESTIONS */
  EntenteExamKinds    kinds;
  guint               time_limit;   /* seconds; 0 for none */
  guint64             seed;
} EntenteExamSettings;

/* A seed for a new exam, different each time (not from the exam's own generator). */
guint64  entente_exam_make_seed   (void);
/* Sixteen lower-case hexadecimal digits, as results show a seed. */
char    *entente_exam_format_seed (guint64     seed);
/* Reads what entente_exam_format_seed() wrote (1 to 16 hex digits, either case). */
gboolean entente_exam_parse_seed  (const char *text,
                                   guint64    *out_seed);

/* Drawing an exam reads every card of a pack once, the first time, and keeps what it
 * needs on the pack (the pack never changes). Call this in a worker thread after loading
 * a large pack, before the pack is used elsewhere, to move that first read off the main
 * thread; it is never needed otherwise. */
void     entente_exam_prepare     (EntentePack *pack);

typedef struct _EntenteExam EntenteExam;
typedef struct _EntenteExamResult EntenteExamResult;

/* Draws an exam. Fails with NO_CARDS when no card matches, UNKNOWN_SECTION when a chosen
 * section is not in @pack. The exam starts paused, at question 0, with no time elapsed. */
EntenteExam *entente_exam_new            (EntentePack                *pack,
                                          const EntenteExamSettings  *settings,
                                          GError                    **error);
/* An exam of exactly the cards @result lists as wrong that @pack still has, in an order
 * drawn by @seed, with @result's kinds and time limit. NO_CARDS when none is left. */
EntenteExam *entente_exam_new_retake     (EntentePack                *pack,
                                          const EntenteExamResult    *result,
                                          guint64                     seed,
                                          GError                    **error);
void         entente_exam_free           (EntenteExam                *exam);

EntentePack        *entente_exam_get_pack        (const EntenteExam *exam);
guint64             entente_exam_get_seed        (const EntenteExam *exam);
EntenteExamKinds    entente_exam_get_kinds       (const EntenteExam *exam);
guint               entente_exam_get_time_limit  (const EntenteExam *exam);
/* The chosen section ids, NULL-terminated (empty for the whole pack). */
const char * const *entente_exam_get_section_ids (const EntenteExam *exam);
guint               entente_exam_get_n_questions (const EntenteExam *exam);

/* The question at @position. */
EntenteCard        *entente_exam_get_card        (const EntenteExam *exam,
                                                  guint              position);
/* What the learner must do: CHOICE, BASIC (type), CLOZE (type a gap) or MAP. */
EntenteExamKinds    entente_exam_get_kind        (const EntenteExam *exam,
                                                  guint              position);
/* The question as text: a basic card's front, a choice card's question, a map card's
 * prompt, or a cloze card's text with the asked gap as @blank and the others filled in
 * (@blank is used only for cloze; NULL gives "[…]"). */
char               *entente_exam_dup_prompt      (const EntenteExam *exam,
                                                  guint              position,
                                                  const char        *blank);
/* A choice question's choices in the order shown (NULL-terminated, owned by the exam),
 * NULL for other kinds. */
const char * const *entente_exam_get_choices     (const EntenteExam *exam,
                                                  guint              position);
/* The right answer as the results show it: the right choice's text, a basic card's back,
 * the asked gap's text, a map card's state name. Free it. */
char               *entente_exam_dup_right_answer (const EntenteExam *exam,
                                                   guint              position);
/* A choice question: the shown position of the right choice. -1 for other kinds. */
int                 entente_exam_get_right_choice (const EntenteExam *exam,
                                                   guint              position);
/* A cloze question: which gap of the card (0 for the first) is asked. -1 otherwise. */
int                 entente_exam_get_cloze_gap   (const EntenteExam *exam,
                                                  guint              position);

/* Answering. Each returns whether the answer is right, and records it (replacing an
 * earlier answer and its override). Answers of the wrong kind, and answers to a finished
 * exam, are refused (a critical warning) and return FALSE. */
gboolean     entente_exam_answer_choice  (EntenteExam *exam,
                                          guint        position,
                                          guint        shown_choice);
gboolean     entente_exam_answer_text    (EntenteExam *exam,
                                          guint        position,
                                          const char  *typed);
gboolean     entente_exam_answer_map     (EntenteExam *exam,
                                          guint        position,
                                          const char  *code);
/* "Count as correct": once a wrong answer has been shown, the learner may count it right
 * (TRUE) or take that back (FALSE). Only for an answered question; also after the exam has
 * finished, where its results show the answers (take a new result after it). */
void         entente_exam_set_override   (EntenteExam *exam,
                                          guint        position,
                                          gboolean     count_as_correct);

gboolean     entente_exam_is_answered    (const EntenteExam *exam,
                                          guint              position);
/* Right as answered, or counted as correct. FALSE when not answered. */
gboolean     entente_exam_is_correct     (const EntenteExam *exam,
                                          guint              position);
gboolean     entente_exam_get_override   (const EntenteExam *exam,
                                          guint              position);
/* The shown choice picked, or -1. */
int          entente_exam_get_given_choice (const EntenteExam *exam,
                                            guint              position);
/* The typed text or the map code given, or NULL. */
const char  *entente_exam_get_given_text (const EntenteExam *exam,
                                          guint              position);
guint        entente_exam_get_n_answered (const EntenteExam *exam);

guint        entente_exam_get_current    (const EntenteExam *exam);
void         entente_exam_set_current    (EntenteExam       *exam,
                                          guint              position);

/* The clock: paused until resumed. Pausing a paused clock or resuming a running one does
 * nothing. Elapsed time counts only the running periods. */
void         entente_exam_resume         (EntenteExam *exam,
                                          gint64       now);
void         entente_exam_pause          (EntenteExam *exam,
                                          gint64       now);
gboolean     entente_exam_is_running     (const EntenteExam *exam);
/* Microseconds. */
gint64       entente_exam_get_elapsed    (const EntenteExam *exam,
                                          gint64             now);
/* Microseconds left under the time limit (never negative), or -1 without a limit. */
gint64       entente_exam_get_remaining  (const EntenteExam *exam,
                                          gint64             now);
gboolean     entente_exam_is_time_up     (const EntenteExam *exam,
                                          gint64             now);
/* Stops the clock for good (at the time limit if @now is past it). Questions not
 * answered count as wrong. */
void         entente_exam_finish         (EntenteExam *exam,
                                          gint64       now);
gboolean     entente_exam_is_finished    (const EntenteExam *exam);

/* An exam in progress or finished, with its questions, answers and the time elapsed at
 * @now, as JSON. Restoring needs the same pack (its id and every card asked); a restored
 * exam is paused. The object, version 1:
 *
 *   { "format": "entente-exam", "version": 1, "pack": <pack id>,
 *     "seed": <entente_exam_format_seed ()>, "kinds": <EntenteExamKinds>,
 *     "time_limit": <s>, "n_questions": <as asked, 0 for all>, "sections": [<id>, ...],
 *     "current": <position>, "elapsed": <µs>, "finished": <bool>,
 *     "questions": [ { "card": <id>,
 *                      "order": [<card's choice index>, ...]   (choice: the shown order)
 *                      "gap": <index>                          (cloze)
 *                      "answer": <shown choice> | <typed text> | <code>,
 *                      "override": <bool> }, ... ] }          (when answered)
 */
JsonNode    *entente_exam_to_json        (const EntenteExam  *exam,
                                          gint64              now);
EntenteExam *entente_exam_new_from_json  (EntentePack        *pack,
                                          JsonNode           *node,
                                          GError            **error);

/* The result of an exam (finished or not: unanswered questions count as wrong; its time
 * is the time elapsed up to the last pause or the finish). It keeps the texts it shows,
 * so it reads without the pack. */
EntenteExamResult *entente_exam_dup_result (const EntenteExam *exam);

typedef struct
{
  const char *section_id;  /* NULL for cards without a section */
  const char *title;       /* the section's title; NULL for cards without a section */
  guint       n_correct;
  guint       n_questions;
} EntenteExamSectionScore;

typedef struct
{
  const char       *card_id;
  const char       *section_id;  /* may be NULL */
  EntenteExamKinds  kind;
  const char       *prompt;      /* as entente_exam_dup_prompt() with "[…]" */
  const char       *given;       /* the answer given as shown (a choice's text, the typed
                                  * text, a state's name), NULL when not answered */
  const char       *right;       /* as entente_exam_dup_right_answer() */
  const char       *explanation; /* the card's, may be NULL */
} EntenteExamMistake;

void        entente_exam_result_free            (EntenteExamResult *result);
const char *entente_exam_result_get_pack_id     (const EntenteExamResult *result);
guint64     entente_exam_result_get_seed        (const EntenteExamResult *result);
EntenteExamKinds entente_exam_result_get_kinds  (const EntenteExamResult *result);
guint       entente_exam_result_get_time_limit  (const EntenteExamResult *result);
guint       entente_exam_result_get_n_questions (const EntenteExamResult *result);
guint       entente_exam_result_get_n_correct   (const EntenteExamResult *result);
/* 0 to 100; 0 for an exam without questions. */
double      entente_exam_result_get_percent     (const EntenteExamResult *result);
/* Microseconds. */
gint64      entente_exam_result_get_elapsed     (const EntenteExamResult *result);
/* Sections weakest first: the lowest percentage first, then the most questions, then in
 * the pack's order. */
guint       entente_exam_result_get_n_sections  (const EntenteExamResult *result);
const EntenteExamSectionScore *entente_exam_result_get_section (const EntenteExamResult *result,
                                                               guint                    position);
/* Every question not counted right, in the exam's order. */
guint       entente_exam_result_get_n_mistakes  (const EntenteExamResult *result);
const EntenteExamMistake *entente_exam_result_get_mistake (const EntenteExamResult *result,
                                                           guint                    position);
/* The ids of the cards answered wrongly (or not answered), NULL-terminated, in the
 * exam's order: for "Retake mistakes" and for sending them to today's review. */
const char * const *entente_exam_result_get_wrong_card_ids (const EntenteExamResult *result);

/* { "format": "entente-exam-result", "version": 1, "pack", "seed", "kinds", "time_limit",
 *   "n_questions", "n_correct", "elapsed" (µs),
 *   "sections": [ { "id", "title", "n_correct", "n_questions" }, ... ]   (weakest first)
 *   "mistakes": [ { "card", "section", "kind": "choice" | "basic" | "cloze" | "map",
 *                   "prompt", "given", "right", "explanation" }, ... ] }
 * "section", "title", "given" and "explanation" may be null. */
JsonNode          *entente_exam_result_to_json       (const EntenteExamResult  *result);
EntenteExamResult *entente_exam_result_new_from_json (JsonNode                 *node,
                                                      GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteExam, entente_exam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteExamResult, entente_exam_result_free)

G_END_DECLS
