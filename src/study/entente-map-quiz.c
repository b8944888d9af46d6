/* entente-map-quiz.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-exam.h"
#include "entente-iso3166.h"
#include "entente-map-quiz.h"
#include "entente-random.h"

#define QUIZ_FORMAT "entente-map-quiz"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (entente-map-quiz-error-quark, entente_map_quiz_error)

/* Moves @k items drawn without repeats to the front of @items, in drawn order. */
static void
draw_front (GPtrArray     *items,
            guint          k,
            EntenteRandom *state)
{
  for (guint i = 0; i < k && i < items->len; i++)
    {
      guint j = i + (guint) entente_random_below (state, items->len - i);
      gpointer tmp = items->pdata[i];

      items->pdata[i] = items->pdata[j];
      items->pdata[j] = tmp;
    }
}

typedef struct
{
  const char  *code;
  const char  *name;
  const char  *question;
  const char **choices;      /* NULL-terminated, or NULL for FIND */
  const char **choice_codes; /* IDENTIFY only */
  int          right;
  gboolean     answered;
  gboolean     correct;
  int          given_choice;
  const char  *given_code;
  const char  *given_label;
} Question;

struct _EntenteMapQuiz
{
  EntentePack        *pack;   /* NULL for a quiz read from JSON */
  char               *pack_id;
  GStringChunk       *strings;
  EntenteMapQuizMode  mode;
  guint               status_filter;
  guint               n_requested;
  guint64             seed;
  GArray             *questions;
  guint               current;
};

static const char *const mode_names[] = { "find", "identify", "capital" };

static const char *
intern (EntenteMapQuiz *quiz,
        const char     *text)
{
  return text != NULL ? g_string_chunk_insert_const (quiz->strings, text) : NULL;
}

static void
question_clear (gpointer data)
{
  Question *q = data;

  g_clear_pointer (&q->choices, g_free);
  g_clear_pointer (&q->choice_codes, g_free);
}

static EntenteMapQuiz *
quiz_alloc (const char         *pack_id,
            EntenteMapQuizMode  mode,
            guint               status_filter,
            guint               n_requested,
            guint64             seed)
{
  EntenteMapQuiz *quiz = g_new0 (EntenteMapQuiz, 1);

  quiz->pack_id = g_strdup (pack_id);
  quiz->strings = g_string_chunk_new (1024);
  quiz->mode = mode;
  quiz->status_filter = status_filter;
  quiz->n_requested = n_requested;
  quiz->seed = seed;
  quiz->questions = g_array_new (FALSE, TRUE, sizeof (Question));
  g_array_set_clear_func (quiz->questions, question_clear);
  return quiz;
}

static void
question_set_text (EntenteMapQuiz *quiz,
                   Question       *q)
{
  g_autofree char *text = NULL;

  switch (quiz->mode)
    {
    case ENTENTE_MAP_QUIZ_MODE_FIND:
      /* Translators: a map quiz question; %s is the name of a state, to click on the map */
      text = g_strdup_printf (_("Find %s"), q->name);
      break;
    case ENTENTE_MAP_QUIZ_MODE_IDENTIFY:
      text = g_strdup (_("Which state is this?"));
      break;
    case ENTENTE_MAP_QUIZ_MODE_CAPITAL:
    default:
      /* Translators: a map quiz question; %s is the name of a state */
      text = g_strdup_printf (_("What is the capital of %s?"), q->name);
      break;
    }

  q->question = intern (quiz, text);
}

static const char *
state_name (EntenteMapQuiz *quiz,
            const char     *code)
{
  EntenteMember *member = quiz->pack != NULL ? entente_pack_lookup_member (quiz->pack, code) : NULL;
  const char *name;

  if (member != NULL)
    return intern (quiz, entente_member_get_display_name (member));

  name = entente_iso3166_get_localized_name (code);
  return intern (quiz, name != NULL ? name : code);
}

static gboolean
has_capital (EntenteMember *member)
{
  const char *capital = entente_member_get_capital (member);

  return capital != NULL && capital[0] != '\0';
}

/* Shuffles the right answer and up to three others (drawn from @others, which must not
 * hold it) into the question's choices. */
static void
question_set_choices (Question      *q,
                      const char    *right_label,
                      const char    *right_code,
                      GPtrArray     *other_labels,
                      GPtrArray     *other_codes,
                      EntenteRandom *state)
{
  guint n_others = MIN (other_labels->len, ENTENTE_MAP_QUIZ_N_CHOICES - 1);
  guint n = n_others + 1;
  guint index[ENTENTE_MAP_QUIZ_N_CHOICES];

  /* Draw the others by index so that labels and codes move together. */
  for (guint i = 0; i < other_labels->len && i < n_others; i++)
    {
      guint j = i + (guint) entente_random_below (state, other_labels->len - i);
      gpointer tmp;

      tmp = other_labels->pdata[i];
      other_labels->pdata[i] = other_labels->pdata[j];
      other_labels->pdata[j] = tmp;
      if (other_codes != NULL)
        {
          tmp = other_codes->pdata[i];
          other_codes->pdata[i] = other_codes->pdata[j];
          other_codes->pdata[j] = tmp;
        }
    }

  for (guint i = 0; i < n; i++)
    index[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) entente_random_below (state, i);
      guint tmp = index[i - 1];

      index[i - 1] = index[j];
      index[j] = tmp;
    }

  q->choices = g_new0 (const char *, n + 1);
  if (other_codes != NULL)
    q->choice_codes = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      /* index 0 is the right answer, 1 .. n - 1 the others */
      if (index[i] == 0)
        {
          q->right = (int) i;
          q->choices[i] = right_label;
          if (other_codes != NULL)
            q->choice_codes[i] = right_code;
        }
      else
        {
          q->choices[i] = other_labels->pdata[index[i] - 1];
          if (other_codes != NULL)
            q->choice_codes[i] = other_codes->pdata[index[i] - 1];
        }
    }
}

EntenteMapQuiz *
entente_map_quiz_new (EntentePack         *pack,
                      EntenteMapQuizMode   mode,
                      guint                status_filter,
                      guint                n_questions,
                      guint64              seed,
                      GError             **error)
{
  g_autoptr(EntenteMapQuiz) quiz = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) capitals = NULL;
  g_autoptr(GHashTable) seen_capitals = NULL;
  GListModel *members;
  EntenteRandom state = { seed };
  guint n;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);
  g_return_val_if_fail (mode <= ENTENTE_MAP_QUIZ_MODE_CAPITAL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  quiz = quiz_alloc (entente_pack_get_id (pack), mode, status_filter & ENTENTE_MAP_QUIZ_ALL_STATES,
                     n_questions, seed);
  quiz->pack = g_object_ref (pack);

  pool = g_ptr_array_new ();
  all = g_ptr_array_new ();
  capitals = g_ptr_array_new ();
  seen_capitals = g_hash_table_new (g_str_hash, g_str_equal);
  members = entente_pack_get_members (pack);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      EntenteMemberStatus status = entente_member_get_status (member);

      /* The pack keeps its members for as long as it lives. */
      g_ptr_array_add (all, member);
      if (has_capital (member) &&
          g_hash_table_add (seen_capitals, (gpointer) entente_member_get_capital (member)))
        g_ptr_array_add (capitals, (gpointer) entente_member_get_capital (member));

      if (status >= ENTENTE_N_MEMBER_STATUSES ||
          (quiz->status_filter & ENTENTE_MAP_QUIZ_STATUS (status)) == 0)
        continue;
      if (mode == ENTENTE_MAP_QUIZ_MODE_CAPITAL && !has_capital (member))
        continue;
      g_ptr_array_add (pool, member);
    }

  if (pool->len == 0)
    {
      g_set_error_literal (error, ENTENTE_MAP_QUIZ_ERROR, ENTENTE_MAP_QUIZ_ERROR_NO_STATES,
                           mode == ENTENTE_MAP_QUIZ_MODE_CAPITAL
                           ? _("No state of the chosen kind has a capital in this pack")
                           : _("No state of the chosen kind in this pack"));
      return NULL;
    }

  n = n_questions == ENTENTE_MAP_QUIZ_ALL_QUESTIONS ? pool->len : MIN (n_questions, pool->len);
  draw_front (pool, n, &state);

  g_array_set_size (quiz->questions, n);
  for (guint i = 0; i < n; i++)
    {
      Question *q = &g_array_index (quiz->questions, Question, i);
      EntenteMember *member = pool->pdata[i];

      q->code = intern (quiz, entente_member_get_code (member));
      q->name = intern (quiz, entente_member_get_display_name (member));
      q->right = -1;
      q->given_choice = -1;
      question_set_text (quiz, q);

      if (mode == ENTENTE_MAP_QUIZ_MODE_IDENTIFY)
        {
          g_autoptr(GPtrArray) labels = g_ptr_array_new ();
          g_autoptr(GPtrArray) codes = g_ptr_array_new ();

          for (guint k = 0; k < all->len; k++)
            if (all->pdata[k] != member)
              {
                g_ptr_array_add (labels, (gpointer) intern (quiz, entente_member_get_display_name (all->pdata[k])));
                g_ptr_array_add (codes, (gpointer) intern (quiz, entente_member_get_code (all->pdata[k])));
              }
          question_set_choices (q, q->name, q->code, labels, codes, &state);
        }
      else if (mode == ENTENTE_MAP_QUIZ_MODE_CAPITAL)
        {
          g_autoptr(GPtrArray) labels = g_ptr_array_new ();
          const char *capital = entente_member_get_capital (member);

          for (guint k = 0; k < capitals->len; k++)
            if (strcmp (capitals->pdata[k], capital) != 0)
              g_ptr_array_add (labels, (gpointer) intern (quiz, capitals->pdata[k]));
          question_set_choices (q, intern (quiz, capital), NULL, labels, NULL, &state);
        }
    }

  return g_steal_pointer (&quiz);
}

void
entente_map_quiz_free (EntenteMapQuiz *quiz)
{
  if (quiz == NULL)
    return;

  g_clear_object (&quiz->pack);
  g_free (quiz->pack_id);
  g_array_unref (quiz->questions);
  g_string_chunk_free (quiz->strings);
  g_free (quiz);
}

#define GET_QUESTION(quiz, position) (&g_array_index ((quiz)->questions, Question, (position)))

EntenteMapQuizMode
entente_map_quiz_get_mode (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->mode;
}

guint
entente_map_quiz_get_status_filter (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->status_filter;
}

guint64
entente_map_quiz_get_seed (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->seed;
}

const char *
entente_map_quiz_get_pack_id (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  return quiz->pack_id;
}

guint
entente_map_quiz_get_n_questions (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->questions->len;
}

const char *
entente_map_quiz_get_code (const EntenteMapQuiz *quiz,
                           guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return GET_QUESTION (quiz, position)->code;
}

const char *
entente_map_quiz_get_name (const EntenteMapQuiz *quiz,
                           guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return GET_QUESTION (quiz, position)->name;
}

const char *
entente_map_quiz_get_question_text (const EntenteMapQuiz *quiz,
                                    guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return GET_QUESTION (quiz, position)->question;
}

const char * const *
entente_map_quiz_get_choices (const EntenteMapQuiz *quiz,
                              guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return (const char * const *) GET_QUESTION (quiz, position)->choices;
}

const char * const *
entente_map_quiz_get_choice_codes (const EntenteMapQuiz *quiz,
                                   guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return (const char * const *) GET_QUESTION (quiz, position)->choice_codes;
}

int
entente_map_quiz_get_right_choice (const EntenteMapQuiz *quiz,
                                   guint                 position)
{
  g_return_val_if_fail (quiz != NULL, -1);
  g_return_val_if_fail (position < quiz->questions->len, -1);
  return GET_QUESTION (quiz, position)->right;
}

static Question *
question_for_answer (EntenteMapQuiz *quiz,
                     guint           position)
{
  Question *q;

  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);

  q = GET_QUESTION (quiz, position);
  q->answered = FALSE;
  q->correct = FALSE;
  q->given_choice = -1;
  q->given_code = NULL;
  q->given_label = NULL;
  return q;
}

gboolean
entente_map_quiz_answer_code (EntenteMapQuiz *quiz,
                              guint           position,
                              const char     *code)
{
  g_autofree char *upper = NULL;
  Question *q;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (quiz != NULL && quiz->mode == ENTENTE_MAP_QUIZ_MODE_FIND, FALSE);

  q = question_for_answer (quiz, position);
  if (q == NULL)
    return FALSE;

  upper = g_ascii_strup (code, -1);
  q->given_code = intern (quiz, upper);
  q->given_label = state_name (quiz, upper);
  q->answered = TRUE;
  q->correct = g_ascii_strcasecmp (q->code, upper) == 0;
  return q->correct;
}

gboolean
entente_map_quiz_answer_choice (EntenteMapQuiz *quiz,
                                guint           position,
                                guint           choice)
{
  Question *q;

  g_return_val_if_fail (quiz != NULL && quiz->mode != ENTENTE_MAP_QUIZ_MODE_FIND, FALSE);
  g_return_val_if_fail (position < quiz->questions->len, FALSE);
  g_return_val_if_fail (choice < g_strv_length ((char **) GET_QUESTION (quiz, position)->choices), FALSE);

  q = question_for_answer (quiz, position);
  q->given_choice = (int) choice;
  q->given_label = q->choices[choice];
  q->answered = TRUE;
  q->correct = (int) choice == q->right;
  return q->correct;
}

gboolean
entente_map_quiz_is_answered (const EntenteMapQuiz *quiz,
                              guint                 position)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  g_return_val_if_fail (position < quiz->questions->len, FALSE);
  return GET_QUESTION (quiz, position)->answered;
}

gboolean
entente_map_quiz_is_correct (const EntenteMapQuiz *quiz,
                             guint                 position)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  g_return_val_if_fail (position < quiz->questions->len, FALSE);
  return GET_QUESTION (quiz, position)->correct;
}

int
entente_map_quiz_get_given_choice (const EntenteMapQuiz *quiz,
                                   guint                 position)
{
  g_return_val_if_fail (quiz != NULL, -1);
  g_return_val_if_fail (position < quiz->questions->len, -1);
  return GET_QUESTION (quiz, position)->given_choice;
}

const char *
entente_map_quiz_get_given_code (const EntenteMapQuiz *quiz,
                                 guint                 position)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (position < quiz->questions->len, NULL);
  return GET_QUESTION (quiz, position)->given_code;
}

guint
entente_map_quiz_get_current (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->current;
}

void
entente_map_quiz_set_current (EntenteMapQuiz *quiz,
                              guint           position)
{
  g_return_if_fail (quiz != NULL);
  g_return_if_fail (position < quiz->questions->len);
  quiz->current = position;
}

guint
entente_map_quiz_get_n_correct (const EntenteMapQuiz *quiz)
{
  guint n = 0;

  g_return_val_if_fail (quiz != NULL, 0);

  for (guint i = 0; i < quiz->questions->len; i++)
    if (GET_QUESTION (quiz, i)->correct)
      n++;
  return n;
}

guint
entente_map_quiz_get_n_answered (const EntenteMapQuiz *quiz)
{
  guint n = 0;

  g_return_val_if_fail (quiz != NULL, 0);

  for (guint i = 0; i < quiz->questions->len; i++)
    if (GET_QUESTION (quiz, i)->answered)
      n++;
  return n;
}

gboolean
entente_map_quiz_is_finished (const EntenteMapQuiz *quiz)
{
  return entente_map_quiz_get_n_answered (quiz) == entente_map_quiz_get_n_questions (quiz);
}

double
entente_map_quiz_get_percent (const EntenteMapQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0.0);

  if (quiz->questions->len == 0)
    return 0.0;

  return 100.0 * entente_map_quiz_get_n_correct (quiz) / quiz->questions->len;
}

GArray *
entente_map_quiz_get_mistakes (const EntenteMapQuiz *quiz)
{
  GArray *mistakes;

  g_return_val_if_fail (quiz != NULL, NULL);

  mistakes = g_array_new (FALSE, FALSE, sizeof (EntenteMapQuizMistake));
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      const Question *q = GET_QUESTION (quiz, i);
      EntenteMapQuizMistake mistake;

      if (q->correct)
        continue;

      mistake.code = q->code;
      mistake.question = q->question;
      mistake.given = q->given_label;
      mistake.right = q->right >= 0 ? q->choices[q->right] : q->name;
      g_array_append_val (mistakes, mistake);
    }

  return mistakes;
}

/* JSON */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

JsonNode *
entente_map_quiz_to_json (const EntenteMapQuiz *quiz)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *seed = NULL;

  g_return_val_if_fail (quiz != NULL, NULL);

  seed = entente_exam_format_seed (quiz->seed);

  json_builder_begin_object (builder);
  add_string (builder, "format", QUIZ_FORMAT);
  add_int (builder, "version", FORMAT_VERSION);
  add_string (builder, "pack", quiz->pack_id);
  add_string (builder, "mode", mode_names[quiz->mode]);
  add_int (builder, "statuses", quiz->status_filter);
  add_int (builder, "n_questions", quiz->n_requested);
  add_string (builder, "seed", seed);
  add_int (builder, "current", quiz->current);
  add_int (builder, "n_correct", entente_map_quiz_get_n_correct (quiz));

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      const Question *q = GET_QUESTION (quiz, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", q->code);
      add_string (builder, "name", q->name);
      if (q->choices != NULL)
        {
          add_strv (builder, "choices", q->choices);
          if (q->choice_codes != NULL)
            add_strv (builder, "codes", q->choice_codes);
          add_int (builder, "right", q->right);
        }
      if (q->answered)
        {
          if (q->choices != NULL)
            add_int (builder, "answer", q->given_choice);
          else
            {
              add_string (builder, "answer", q->given_code);
              add_string (builder, "answer_name", q->given_label);
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, ENTENTE_MAP_QUIZ_ERROR, ENTENTE_MAP_QUIZ_ERROR_INVALID,
               /* Translators: %s names the part of the saved quiz that is wrong, e.g. "seed" */
               _("The saved map quiz is damaged (%s)"), what);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64      min,
         gint64      max,
         gint64     *out_value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out_value = json_node_get_int (node);
  return *out_value >= min && *out_value <= max;
}

static const char **
get_strv (EntenteMapQuiz *quiz,
          JsonObject     *object,
          const char     *name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;
  const char **strv;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 || n > ENTENTE_MAP_QUIZ_N_CHOICES)
    return NULL;

  strv = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (element), -1, NULL))
        {
          g_free (strv);
          return NULL;
        }
      strv[i] = intern (quiz, json_node_get_string (element));
    }

  return strv;
}

static gboolean
read_question (EntenteMapQuiz *quiz,
               JsonObject     *object,
               Question       *q,
               GError        **error)
{
  const char *code = get_string (object, "code");
  const char *name = get_string (object, "name");
  gint64 value;

  q->right = -1;
  q->given_choice = -1;

  if (code == NULL || name == NULL)
    return invalid (error, "code");
  q->code = intern (quiz, code);
  q->name = intern (quiz, name);
  question_set_text (quiz, q);

  if (quiz->mode != ENTENTE_MAP_QUIZ_MODE_FIND)
    {
      guint n;

      q->choices = get_strv (quiz, object, "choices");
      if (q->choices == NULL)
        return invalid (error, "choices");
      n = g_strv_length ((char **) q->choices);
      if (quiz->mode == ENTENTE_MAP_QUIZ_MODE_IDENTIFY)
        {
          q->choice_codes = get_strv (quiz, object, "codes");
          if (q->choice_codes == NULL || g_strv_length ((char **) q->choice_codes) != n)
            return invalid (error, "codes");
        }
      if (!get_int (object, "right", 0, n - 1, &value))
        return invalid (error, "right");
      q->right = (int) value;

      if (json_object_has_member (object, "answer"))
        {
          if (!get_int (object, "answer", 0, n - 1, &value))
            return invalid (error, "answer");
          q->answered = TRUE;
          q->given_choice = (int) value;
          q->given_label = q->choices[value];
          q->correct = q->given_choice == q->right;
        }
    }
  else if (json_object_has_member (object, "answer"))
    {
      const char *given = get_string (object, "answer");
      const char *given_name = get_string (object, "answer_name");

      if (given == NULL || given_name == NULL)
        return invalid (error, "answer");
      q->answered = TRUE;
      q->given_code = intern (quiz, given);
      q->given_label = intern (quiz, given_name);
      q->correct = g_ascii_strcasecmp (q->code, given) == 0;
    }

  return TRUE;
}

EntenteMapQuiz *
entente_map_quiz_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(EntenteMapQuiz) quiz = NULL;
  JsonObject *object;
  JsonArray *questions;
  JsonNode *member;
  const char *format, *pack_id, *mode_name, *seed_text;
  gint64 version, statuses, n_requested, current;
  guint64 seed;
  int mode = -1;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "format");
      return NULL;
    }
  object = json_node_get_object (node);

  format = get_string (object, "format");
  if (g_strcmp0 (format, QUIZ_FORMAT) != 0 ||
      !get_int (object, "version", FORMAT_VERSION, FORMAT_VERSION, &version))
    {
      invalid (error, "format");
      return NULL;
    }

  pack_id = get_string (object, "pack");
  mode_name = get_string (object, "mode");
  seed_text = get_string (object, "seed");
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (mode_name, mode_names[i]) == 0)
      mode = (int) i;
  if (pack_id == NULL || mode < 0)
    {
      invalid (error, pack_id == NULL ? "pack" : "mode");
      return NULL;
    }
  if (!entente_exam_parse_seed (seed_text, &seed))
    {
      invalid (error, "seed");
      return NULL;
    }
  if (!get_int (object, "statuses", 0, ENTENTE_MAP_QUIZ_ALL_STATES, &statuses) ||
      !get_int (object, "n_questions", 0, G_MAXUINT, &n_requested))
    {
      invalid (error, "statuses");
      return NULL;
    }

  quiz = quiz_alloc (pack_id, mode, (guint) statuses, (guint) n_requested, seed);

  member = json_object_get_member (object, "questions");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      invalid (error, "questions");
      return NULL;
    }
  questions = json_node_get_array (member);
  n = json_array_get_length (questions);
  g_array_set_size (quiz->questions, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (questions, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          invalid (error, "questions");
          return NULL;
        }
      if (!read_question (quiz, json_node_get_object (element), GET_QUESTION (quiz, i), error))
        return NULL;
    }

  if (!get_int (object, "current", 0, n > 0 ? n - 1 : 0, &current))
    {
      invalid (error, "current");
      return NULL;
    }
  quiz->current = (guint) current;

  return g_steal_pointer (&quiz);
}
