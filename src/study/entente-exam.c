/* entente-exam.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-exam.h"
#include "entente-iso3166.h"
#include "entente-random.h"
#include "entente-text.h"

#define EXAM_FORMAT "entente-exam"
#define RESULT_FORMAT "entente-exam-result"
#define FORMAT_VERSION 1
#define MAX_CHOICES 8

G_DEFINE_QUARK (entente-exam-error-quark, entente_exam_error)

typedef struct
{
  EntenteCard      *card;         /* owned by the pack */
  EntenteExamKinds  kind;
  guint8            n_choices;
  guint8            order[MAX_CHOICES]; /* shown position i is the card's choice order[i] */
  const char      **choices;      /* shown order, NULL-terminated; strings owned by the card */
  int               gap;          /* cloze: the asked gap; -1 otherwise */
  gboolean          answered;
  gboolean          right;
  gboolean          override;
  int               given_choice; /* shown position, -1 */
  char             *given_text;   /* typed text or map code */
} Question;

struct _EntenteExam
{
  EntentePack      *pack;
  char            **section_ids;
  EntenteExamKinds  kinds;
  guint             time_limit;
  guint             n_requested;
  guint64           seed;
  GArray           *questions;
  guint             current;
  gint64            elapsed;
  gint64            running_since;
  gboolean          running;
  gboolean          finished;
};

static void
question_clear (gpointer data)
{
  Question *q = data;

  g_clear_pointer (&q->choices, g_free);
  g_clear_pointer (&q->given_text, g_free);
}

static EntenteExamKinds
kind_for_card (EntenteCardKind kind)
{
  switch (kind)
    {
    case ENTENTE_CARD_KIND_BASIC:
      return ENTENTE_EXAM_KIND_BASIC;
    case ENTENTE_CARD_KIND_CHOICE:
      return ENTENTE_EXAM_KIND_CHOICE;
    case ENTENTE_CARD_KIND_CLOZE:
      return ENTENTE_EXAM_KIND_CLOZE;
    case ENTENTE_CARD_KIND_MAP:
      return ENTENTE_EXAM_KIND_MAP;
    default:
      return 0;
    }
}

static const char *
kind_to_string (EntenteExamKinds kind)
{
  switch ((int) kind)
    {
    case ENTENTE_EXAM_KIND_CHOICE:
      return "choice";
    case ENTENTE_EXAM_KIND_BASIC:
      return "basic";
    case ENTENTE_EXAM_KIND_CLOZE:
      return "cloze";
    case ENTENTE_EXAM_KIND_MAP:
      return "map";
    default:
      return NULL;
    }
}

static EntenteExamKinds
kind_from_string (const char *text)
{
  static const EntenteExamKinds kinds[] = {
    ENTENTE_EXAM_KIND_CHOICE, ENTENTE_EXAM_KIND_BASIC,
    ENTENTE_EXAM_KIND_CLOZE, ENTENTE_EXAM_KIND_MAP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kind_to_string (kinds[i])) == 0)
      return kinds[i];

  return 0;
}

static guint
count_gaps (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (p[0] == '{' && p[1] == '{')
      {
        n++;
        p++;
      }

  return n;
}

static void
question_set_choices (Question *q)
{
  const char * const *choices = entente_card_get_choices (q->card);

  q->choices = g_new0 (const char *, q->n_choices + 1);
  for (guint i = 0; i < q->n_choices; i++)
    q->choices[i] = choices[q->order[i]];
}

/* The shown choices are made the first time they are needed, so that drawing an exam of
 * every card reads no card's text. */
static const char **
question_get_choices (const Question *q)
{
  if (q->kind != ENTENTE_EXAM_KIND_CHOICE)
    return NULL;

  if (q->choices == NULL)
    question_set_choices ((Question *) q);

  return q->choices;
}

/* How many choices (choice cards) or gaps (cloze cards) a card has; 0 otherwise. */
static guint
card_n_parts (EntenteCard      *card,
              EntenteExamKinds  kind)
{
  if (kind == ENTENTE_EXAM_KIND_CHOICE)
    {
      const char * const *choices = entente_card_get_choices (card);

      return choices != NULL ? MIN (g_strv_length ((char **) choices), MAX_CHOICES) : 0;
    }

  if (kind == ENTENTE_EXAM_KIND_CLOZE)
    return MIN (count_gaps (entente_card_get_text (card)), G_MAXUINT8);

  return 0;
}

/* A card about to become a question. */
typedef struct
{
  EntenteCard *card;
  guint8       kind;
  guint8       n_parts;
} Item;

/* Fills in what the seed decides for one question. */
static void
question_init (Question      *q,
               const Item    *item,
               EntenteRandom *rng)
{
  memset (q, 0, sizeof *q);
  q->card = item->card;
  q->kind = item->kind;
  q->gap = -1;
  q->given_choice = -1;

  if (q->kind == ENTENTE_EXAM_KIND_CHOICE)
    {
      q->n_choices = item->n_parts;
      for (guint i = 0; i < q->n_choices; i++)
        q->order[i] = i;
      for (guint i = q->n_choices; i > 1; i--)
        {
          guint j = entente_random_below (rng, i);
          guint8 tmp = q->order[i - 1];

          q->order[i - 1] = q->order[j];
          q->order[j] = tmp;
        }
    }
  else if (q->kind == ENTENTE_EXAM_KIND_CLOZE)
    {
      q->gap = item->n_parts > 0 ? (int) entente_random_below (rng, item->n_parts) : 0;
    }
}

static EntenteExam *
exam_alloc (EntentePack                *pack,
            const EntenteExamSettings  *settings)
{
  EntenteExam *exam = g_new0 (EntenteExam, 1);
  GStrvBuilder *builder = g_strv_builder_new ();

  exam->pack = g_object_ref (pack);
  for (guint i = 0; settings->section_ids != NULL && settings->section_ids[i] != NULL; i++)
    g_strv_builder_add (builder, settings->section_ids[i]);
  exam->section_ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  exam->kinds = settings->kinds & ENTENTE_EXAM_KINDS_ALL;
  exam->time_limit = settings->time_limit;
  exam->n_requested = settings->n_questions;
  exam->seed = settings->seed;
  /* Cleared, so that a restore that fails half-way frees only what it made. */
  exam->questions = g_array_new (FALSE, TRUE, sizeof (Question));
  g_array_set_clear_func (exam->questions, question_clear);

  return exam;
}

/* Puts @items in the seed's order and makes them questions. */
static void
exam_add_questions (EntenteExam   *exam,
                    GArray        *items,
                    EntenteRandom *rng)
{
  for (guint i = items->len; i > 1; i--)
    {
      guint j = entente_random_below (rng, i);
      Item tmp = g_array_index (items, Item, i - 1);

      g_array_index (items, Item, i - 1) = g_array_index (items, Item, j);
      g_array_index (items, Item, j) = tmp;
    }

  g_array_set_size (exam->questions, items->len);
  for (guint i = 0; i < items->len; i++)
    question_init (&g_array_index (exam->questions, Question, i), &g_array_index (items, Item, i), rng);
}

/* What drawing an exam needs to know of a pack's cards, made once per pack (a pack never
 * changes) and kept on it: the cards grouped by section, with their kinds and their
 * numbers of choices or gaps, so that drawing reads only the cards it asks. */
typedef struct
{
  guint         n_groups;    /* the sections in reading order, then "no section" */
  GHashTable   *group_of_section; /* section id (owned by the pack) -> group */
  guint        *group_start; /* n_groups + 1: where each group's cards start in cards */
  guint        *kind_counts; /* n_groups × 4: a group's cards of each kind */
  guint        *cards;       /* card positions, by group, in pack order within a group */
  EntenteCard **objects;     /* by card position; owned by the pack */
  guint8       *kinds;       /* by card position: an EntenteExamKinds bit, 0 if none */
  guint8       *n_parts;     /* by card position: card_n_parts () */
} ExamIndex;

static void
exam_index_free (gpointer data)
{
  ExamIndex *index = data;

  g_hash_table_unref (index->group_of_section);
  g_free (index->group_start);
  g_free (index->kind_counts);
  g_free (index->cards);
  g_free (index->objects);
  g_free (index->kinds);
  g_free (index->n_parts);
  g_free (index);
}

static guint
kind_slot (guint8 kind)
{
  return kind == ENTENTE_EXAM_KIND_CHOICE ? 0 : kind == ENTENTE_EXAM_KIND_BASIC ? 1
       : kind == ENTENTE_EXAM_KIND_CLOZE ? 2 : 3;
}

G_LOCK_DEFINE_STATIC (exam_index);

static ExamIndex *
exam_index_get (EntentePack *pack)
{
  static GQuark quark;
  g_autofree guint *group_of_card = NULL;
  g_autofree guint *fill = NULL;
  ExamIndex *index;
  GListModel *cards;
  guint n_cards, n_sections, no_section, last_group = 0;
  const char *last_section = NULL;

  /* Only one thread makes a pack's index; the others wait for it. */
  G_LOCK (exam_index);
  if (quark == 0)
    quark = g_quark_from_static_string ("entente-exam-index");
  index = g_object_get_qdata (G_OBJECT (pack), quark);
  if (index != NULL)
    {
      G_UNLOCK (exam_index);
      return index;
    }

  index = g_new0 (ExamIndex, 1);
  n_sections = entente_pack_get_n_sections (pack);
  no_section = n_sections;
  index->n_groups = n_sections + 1;
  index->group_of_section = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_sections; i++)
    g_hash_table_insert (index->group_of_section,
                         (gpointer) entente_section_get_id (entente_pack_get_nth_section (pack, i)),
                         GUINT_TO_POINTER (i));

  cards = entente_pack_get_cards (pack);
  n_cards = g_list_model_get_n_items (cards);
  index->objects = g_new (EntenteCard *, n_cards);
  index->kinds = g_new (guint8, n_cards);
  index->n_parts = g_new (guint8, n_cards);
  index->kind_counts = g_new0 (guint, (gsize) index->n_groups * 4);
  group_of_card = g_new (guint, n_cards);

  for (guint i = 0; i < n_cards; i++)
    {
      EntenteCard *card = g_list_model_get_item (cards, i);
      const char *section;
      guint group = no_section;
      guint8 kind;

      /* The pack keeps its cards for as long as it lives. */
      g_object_unref (card);

      kind = kind_for_card (entente_card_get_kind (card));
      section = entente_card_get_section (card);
      if (section != NULL && last_section != NULL &&
          (section == last_section || strcmp (section, last_section) == 0))
        group = last_group;
      else if (section != NULL)
        {
          gpointer found;

          /* The loader refuses a card of a section that does not exist. */
          if (g_hash_table_lookup_extended (index->group_of_section, section, NULL, &found))
            group = GPOINTER_TO_UINT (found);
          last_section = section;
          last_group = group;
        }

      index->objects[i] = card;
      index->kinds[i] = kind;
      index->n_parts[i] = card_n_parts (card, kind);
      group_of_card[i] = group;
      if (kind != 0)
        index->kind_counts[group * 4 + kind_slot (kind)]++;
    }

  /* Counting sort of the card positions by group. */
  index->group_start = g_new0 (guint, index->n_groups + 1);
  for (guint g = 0; g < index->n_groups; g++)
    {
      guint n = 0;

      for (guint k = 0; k < 4; k++)
        n += index->kind_counts[g * 4 + k];
      index->group_start[g + 1] = index->group_start[g] + n;
    }
  index->cards = g_new (guint, MAX (index->group_start[index->n_groups], 1));
  fill = g_memdup2 (index->group_start, sizeof (guint) * index->n_groups);
  for (guint i = 0; i < n_cards; i++)
    if (index->kinds[i] != 0)
      index->cards[fill[group_of_card[i]]++] = i;

  g_object_set_qdata_full (G_OBJECT (pack), quark, index, exam_index_free);
  G_UNLOCK (exam_index);
  return index;
}

void
entente_exam_prepare (EntentePack *pack)
{
  g_return_if_fail (ENTENTE_IS_PACK (pack));

  exam_index_get (pack);
}

typedef struct
{
  guint   n;         /* candidates */
  guint   quota;
  guint64 remainder;
  guint64 tie;
} Group;

static int
compare_groups_for_extra (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  const Group *groups = user_data;
  const Group *ga = &groups[*(const guint *) a];
  const Group *gb = &groups[*(const guint *) b];

  if (ga->remainder != gb->remainder)
    return ga->remainder > gb->remainder ? -1 : 1;
  if (ga->n != gb->n)
    return ga->n > gb->n ? -1 : 1;
  if (ga->tie != gb->tie)
    return ga->tie < gb->tie ? -1 : 1;
  return 0;
}

static void
mark_included (ExamIndex      *index,
               gboolean       *included,
               EntenteSection *section)
{
  GListModel *children = entente_section_get_children (section);
  gpointer group;

  if (g_hash_table_lookup_extended (index->group_of_section, entente_section_get_id (section), NULL, &group))
    included[GPOINTER_TO_UINT (group)] = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(EntenteSection) child = g_list_model_get_item (children, i);

      mark_included (index, included, child);
    }
}

EntenteExam *
entente_exam_new (EntentePack                *pack,
                  const EntenteExamSettings  *settings,
                  GError                    **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree gboolean *included = NULL;
  g_autofree Group *groups = NULL;
  g_autofree guint *order = NULL;
  g_autoptr(EntenteExam) exam = NULL;
  ExamIndex *index;
  guint n_candidates = 0, n_nonempty = 0, n, given = 0;
  EntenteRandom rng;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exam = exam_alloc (pack, settings);
  index = exam_index_get (pack);
  rng.state = settings->seed;

  included = g_new0 (gboolean, index->n_groups);
  if (exam->section_ids[0] == NULL)
    {
      for (guint g = 0; g < index->n_groups; g++)
        included[g] = TRUE;
    }
  else
    {
      for (guint i = 0; exam->section_ids[i] != NULL; i++)
        {
          EntenteSection *section = entente_pack_lookup_section (pack, exam->section_ids[i]);

          if (section == NULL)
            {
              g_set_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_UNKNOWN_SECTION,
                           /* Translators: %s is the id of a section of the study pack */
                           _("The pack has no section “%s”"), exam->section_ids[i]);
              return NULL;
            }
          mark_included (index, included, section);
        }
    }

  groups = g_new0 (Group, index->n_groups);
  for (guint g = 0; g < index->n_groups; g++)
    {
      if (!included[g])
        continue;

      for (guint k = 0; k < 4; k++)
        if ((exam->kinds & (1u << k)) != 0)
          groups[g].n += index->kind_counts[g * 4 + k];
      n_candidates += groups[g].n;
      if (groups[g].n > 0)
        n_nonempty++;
    }

  if (n_candidates == 0)
    {
      g_set_error_literal (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_NO_CARDS,
                           _("No cards of the chosen kinds in the chosen sections"));
      return NULL;
    }

  n = settings->n_questions == ENTENTE_EXAM_ALL_QUESTIONS ? n_candidates
                                                           : MIN (settings->n_questions, n_candidates);

  /* Largest remainder method. */
  order = g_new (guint, n_nonempty);
  for (guint g = 0, k = 0; g < index->n_groups; g++)
    {
      Group *group = &groups[g];

      if (group->n == 0)
        continue;

      group->quota = (guint) (((guint64) n * group->n) / n_candidates);
      group->remainder = ((guint64) n * group->n) % n_candidates;
      group->tie = entente_random_next (&rng);
      given += group->quota;
      order[k++] = g;
    }
  if (given < n)
    g_qsort_with_data (order, n_nonempty, sizeof (guint), compare_groups_for_extra, groups);
  for (guint k = 0; given < n && k < n_nonempty; k++, given++)
    groups[order[k]].quota++;

  items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n);
  candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint g = 0; g < index->n_groups; g++)
    {
      Group *group = &groups[g];
      guint *c;

      if (group->quota == 0)
        continue;

      g_array_set_size (candidates, 0);
      for (guint i = index->group_start[g]; i < index->group_start[g + 1]; i++)
        if ((index->kinds[index->cards[i]] & exam->kinds) != 0)
          g_array_append_val (candidates, index->cards[i]);
      c = (guint *) (gpointer) candidates->data;

      /* The first quota places of a partial Fisher–Yates shuffle; a group asked in full
       * needs none, as all the questions are shuffled afterwards. */
      for (guint k = 0; k < group->quota; k++)
        {
          Item item;

          if (group->quota < candidates->len)
            {
              guint j = k + entente_random_below (&rng, candidates->len - k);
              guint tmp = c[k];

              c[k] = c[j];
              c[j] = tmp;
            }
          item.card = index->objects[c[k]];
          item.kind = index->kinds[c[k]];
          item.n_parts = index->n_parts[c[k]];
          g_array_append_val (items, item);
        }
    }

  exam_add_questions (exam, items, &rng);

  return g_steal_pointer (&exam);
}

void
entente_exam_free (EntenteExam *exam)
{
  if (exam == NULL)
    return;

  g_clear_object (&exam->pack);
  g_strfreev (exam->section_ids);
  g_array_unref (exam->questions);
  g_free (exam);
}

guint64
entente_exam_make_seed (void)
{
  return ((guint64) g_random_int () << 32) ^ g_random_int () ^ (guint64) g_get_real_time ();
}

char *
entente_exam_format_seed (guint64 seed)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", seed);
}

gboolean
entente_exam_parse_seed (const char *text,
                         guint64    *out_seed)
{
  guint64 seed = 0;
  gsize len;

  g_return_val_if_fail (out_seed != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len == 0 || len > 16)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      seed = (seed << 4) | (guint64) digit;
    }

  *out_seed = seed;
  return TRUE;
}

#define GET_QUESTION(exam, position) (&g_array_index ((exam)->questions, Question, (position)))

EntentePack *
entente_exam_get_pack (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, NULL);
  return exam->pack;
}

guint64
entente_exam_get_seed (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, 0);
  return exam->seed;
}

EntenteExamKinds
entente_exam_get_kinds (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, 0);
  return exam->kinds;
}

guint
entente_exam_get_time_limit (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, 0);
  return exam->time_limit;
}

const char * const *
entente_exam_get_section_ids (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, NULL);
  return (const char * const *) exam->section_ids;
}

guint
entente_exam_get_n_questions (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, 0);
  return exam->questions->len;
}

EntenteCard *
entente_exam_get_card (const EntenteExam *exam,
                       guint              position)
{
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);
  return GET_QUESTION (exam, position)->card;
}

EntenteExamKinds
entente_exam_get_kind (const EntenteExam *exam,
                       guint              position)
{
  g_return_val_if_fail (exam != NULL, 0);
  g_return_val_if_fail (position < exam->questions->len, 0);
  return GET_QUESTION (exam, position)->kind;
}

static char *
cloze_prompt (const char *text,
              int         gap,
              const char *blank)
{
  g_auto(GStrv) parts = entente_card_split_cloze (text);
  GString *prompt;

  if (parts == NULL)
    return g_strdup (text);

  prompt = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i % 2 == 0 || (int) (i / 2) != gap)
        g_string_append (prompt, parts[i]);
      else
        g_string_append (prompt, blank != NULL ? blank : "[…]");
    }

  return g_string_free (prompt, FALSE);
}

static char *
question_dup_prompt (const Question *q,
                     const char     *blank)
{
  switch ((int) q->kind)
    {
    case ENTENTE_EXAM_KIND_BASIC:
      return g_strdup (entente_card_get_front (q->card));
    case ENTENTE_EXAM_KIND_CHOICE:
      return g_strdup (entente_card_get_question (q->card));
    case ENTENTE_EXAM_KIND_CLOZE:
      return cloze_prompt (entente_card_get_text (q->card), q->gap, blank);
    case ENTENTE_EXAM_KIND_MAP:
      return g_strdup (entente_card_get_prompt (q->card));
    default:
      return g_strdup ("");
    }
}

char *
entente_exam_dup_prompt (const EntenteExam *exam,
                         guint              position,
                         const char        *blank)
{
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);
  return question_dup_prompt (GET_QUESTION (exam, position), blank);
}

const char * const *
entente_exam_get_choices (const EntenteExam *exam,
                          guint              position)
{
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);
  return (const char * const *) question_get_choices (GET_QUESTION (exam, position));
}

int
entente_exam_get_right_choice (const EntenteExam *exam,
                               guint              position)
{
  const Question *q;
  int answer;

  g_return_val_if_fail (exam != NULL, -1);
  g_return_val_if_fail (position < exam->questions->len, -1);

  q = GET_QUESTION (exam, position);
  if (q->kind != ENTENTE_EXAM_KIND_CHOICE)
    return -1;

  answer = entente_card_get_answer_index (q->card);
  for (guint i = 0; i < q->n_choices; i++)
    if (q->order[i] == answer)
      return (int) i;

  return -1;
}

int
entente_exam_get_cloze_gap (const EntenteExam *exam,
                            guint              position)
{
  g_return_val_if_fail (exam != NULL, -1);
  g_return_val_if_fail (position < exam->questions->len, -1);
  return GET_QUESTION (exam, position)->gap;
}

/* A state's name for the results: the pack's, else the ISO name, else the code. */
static char *
state_name (EntentePack *pack,
            const char  *code)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  EntenteMember *member = entente_pack_lookup_member (pack, upper);
  const char *name;

  if (member != NULL)
    return g_strdup (entente_member_get_display_name (member));

  name = entente_iso3166_get_localized_name (upper);
  return g_strdup (name != NULL ? name : code);
}

static char *
cloze_gap_text (const Question *q)
{
  g_auto(GStrv) parts = entente_card_split_cloze (entente_card_get_text (q->card));

  if (parts == NULL || q->gap < 0 || g_strv_length (parts) <= (guint) (2 * q->gap + 1))
    return g_strdup ("");

  return g_strdup (parts[2 * q->gap + 1]);
}

static char *
question_dup_right_answer (const EntenteExam *exam,
                           const Question    *q)
{
  switch ((int) q->kind)
    {
    case ENTENTE_EXAM_KIND_BASIC:
      return g_strdup (entente_card_get_back (q->card));
    case ENTENTE_EXAM_KIND_CHOICE:
      {
        const char * const *choices = entente_card_get_choices (q->card);
        int answer = entente_card_get_answer_index (q->card);

        return g_strdup (answer >= 0 && answer < q->n_choices ? choices[answer] : "");
      }
    case ENTENTE_EXAM_KIND_CLOZE:
      return cloze_gap_text (q);
    case ENTENTE_EXAM_KIND_MAP:
      return state_name (exam->pack, entente_card_get_answer_code (q->card));
    default:
      return g_strdup ("");
    }
}

char *
entente_exam_dup_right_answer (const EntenteExam *exam,
                               guint              position)
{
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);
  return question_dup_right_answer (exam, GET_QUESTION (exam, position));
}

static gboolean
typed_matches (const char *typed_norm,
               const char *expected)
{
  g_autofree char *norm = NULL;

  if (expected == NULL)
    return FALSE;

  norm = entente_text_normalize_answer (expected);
  return g_strcmp0 (typed_norm, norm) == 0;
}

/* Whether the answer recorded in @q is right. */
static gboolean
question_check (const Question *q)
{
  switch ((int) q->kind)
    {
    case ENTENTE_EXAM_KIND_CHOICE:
      return q->given_choice >= 0 && q->given_choice < q->n_choices &&
             q->order[q->given_choice] == entente_card_get_answer_index (q->card);

    case ENTENTE_EXAM_KIND_BASIC:
    case ENTENTE_EXAM_KIND_CLOZE:
      {
        g_autofree char *typed_norm = NULL;

        if (q->given_text == NULL)
          return FALSE;

        typed_norm = entente_text_normalize_answer (q->given_text);
        if (typed_norm == NULL || typed_norm[0] == '\0')
          return FALSE;

        if (q->kind == ENTENTE_EXAM_KIND_CLOZE)
          {
            g_autofree char *gap = cloze_gap_text (q);

            return typed_matches (typed_norm, gap);
          }
        else
          {
            const char * const *accept = entente_card_get_accept (q->card);

            if (typed_matches (typed_norm, entente_card_get_back (q->card)))
              return TRUE;
            for (guint i = 0; accept != NULL && accept[i] != NULL; i++)
              if (typed_matches (typed_norm, accept[i]))
                return TRUE;
            return FALSE;
          }
      }

    case ENTENTE_EXAM_KIND_MAP:
      return q->given_text != NULL &&
             g_ascii_strcasecmp (q->given_text, entente_card_get_answer_code (q->card)) == 0;

    default:
      return FALSE;
    }
}

/* The question at @position, if it takes an answer of @kinds now. */
static Question *
question_for_answer (EntenteExam      *exam,
                     guint             position,
                     EntenteExamKinds  kinds)
{
  Question *q;

  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (!exam->finished, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);

  q = GET_QUESTION (exam, position);
  g_return_val_if_fail ((q->kind & kinds) != 0, NULL);

  return q;
}

/* Drops the earlier answer and its override. */
static void
question_reset_answer (Question *q)
{
  g_clear_pointer (&q->given_text, g_free);
  q->given_choice = -1;
  q->override = FALSE;
}

gboolean
entente_exam_answer_choice (EntenteExam *exam,
                            guint        position,
                            guint        shown_choice)
{
  Question *q = question_for_answer (exam, position, ENTENTE_EXAM_KIND_CHOICE);

  if (q == NULL)
    return FALSE;
  g_return_val_if_fail (shown_choice < q->n_choices, FALSE);

  question_reset_answer (q);
  q->given_choice = (int) shown_choice;
  q->answered = TRUE;
  q->right = question_check (q);
  return q->right;
}

gboolean
entente_exam_answer_text (EntenteExam *exam,
                          guint        position,
                          const char  *typed)
{
  Question *q;

  g_return_val_if_fail (typed != NULL, FALSE);

  q = question_for_answer (exam, position, ENTENTE_EXAM_KIND_BASIC | ENTENTE_EXAM_KIND_CLOZE);
  if (q == NULL)
    return FALSE;

  question_reset_answer (q);
  q->given_text = g_utf8_make_valid (typed, -1);
  q->answered = TRUE;
  q->right = question_check (q);
  return q->right;
}

gboolean
entente_exam_answer_map (EntenteExam *exam,
                         guint        position,
                         const char  *code)
{
  Question *q;

  g_return_val_if_fail (code != NULL, FALSE);

  q = question_for_answer (exam, position, ENTENTE_EXAM_KIND_MAP);
  if (q == NULL)
    return FALSE;

  question_reset_answer (q);
  q->given_text = g_ascii_strup (code, -1);
  q->answered = TRUE;
  q->right = question_check (q);
  return q->right;
}

void
entente_exam_set_override (EntenteExam *exam,
                           guint        position,
                           gboolean     count_as_correct)
{
  Question *q;

  g_return_if_fail (exam != NULL);
  g_return_if_fail (position < exam->questions->len);

  q = GET_QUESTION (exam, position);
  g_return_if_fail (q->answered);

  q->override = !!count_as_correct;
}

gboolean
entente_exam_is_answered (const EntenteExam *exam,
                          guint              position)
{
  g_return_val_if_fail (exam != NULL, FALSE);
  g_return_val_if_fail (position < exam->questions->len, FALSE);
  return GET_QUESTION (exam, position)->answered;
}

gboolean
entente_exam_is_correct (const EntenteExam *exam,
                         guint              position)
{
  const Question *q;

  g_return_val_if_fail (exam != NULL, FALSE);
  g_return_val_if_fail (position < exam->questions->len, FALSE);

  q = GET_QUESTION (exam, position);
  return q->answered && (q->right || q->override);
}

gboolean
entente_exam_get_override (const EntenteExam *exam,
                           guint              position)
{
  g_return_val_if_fail (exam != NULL, FALSE);
  g_return_val_if_fail (position < exam->questions->len, FALSE);
  return GET_QUESTION (exam, position)->override;
}

int
entente_exam_get_given_choice (const EntenteExam *exam,
                               guint              position)
{
  g_return_val_if_fail (exam != NULL, -1);
  g_return_val_if_fail (position < exam->questions->len, -1);
  return GET_QUESTION (exam, position)->given_choice;
}

const char *
entente_exam_get_given_text (const EntenteExam *exam,
                             guint              position)
{
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (position < exam->questions->len, NULL);
  return GET_QUESTION (exam, position)->given_text;
}

guint
entente_exam_get_n_answered (const EntenteExam *exam)
{
  guint n = 0;

  g_return_val_if_fail (exam != NULL, 0);

  for (guint i = 0; i < exam->questions->len; i++)
    if (GET_QUESTION (exam, i)->answered)
      n++;

  return n;
}

guint
entente_exam_get_current (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, 0);
  return exam->current;
}

void
entente_exam_set_current (EntenteExam *exam,
                          guint        position)
{
  g_return_if_fail (exam != NULL);
  g_return_if_fail (position < exam->questions->len);
  exam->current = position;
}

void
entente_exam_resume (EntenteExam *exam,
                     gint64       now)
{
  g_return_if_fail (exam != NULL);

  if (exam->running || exam->finished)
    return;

  exam->running = TRUE;
  exam->running_since = now;
}

void
entente_exam_pause (EntenteExam *exam,
                    gint64       now)
{
  g_return_if_fail (exam != NULL);

  if (!exam->running)
    return;

  if (now > exam->running_since)
    exam->elapsed += now - exam->running_since;
  exam->running = FALSE;
}

gboolean
entente_exam_is_running (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, FALSE);
  return exam->running;
}

gint64
entente_exam_get_elapsed (const EntenteExam *exam,
                          gint64             now)
{
  g_return_val_if_fail (exam != NULL, 0);

  if (exam->running && now > exam->running_since)
    return exam->elapsed + (now - exam->running_since);

  return exam->elapsed;
}

gint64
entente_exam_get_remaining (const EntenteExam *exam,
                            gint64             now)
{
  gint64 limit;

  g_return_val_if_fail (exam != NULL, -1);

  if (exam->time_limit == 0)
    return -1;

  limit = (gint64) exam->time_limit * G_USEC_PER_SEC;
  return MAX (limit - entente_exam_get_elapsed (exam, now), 0);
}

gboolean
entente_exam_is_time_up (const EntenteExam *exam,
                         gint64             now)
{
  return entente_exam_get_remaining (exam, now) == 0;
}

void
entente_exam_finish (EntenteExam *exam,
                     gint64       now)
{
  g_return_if_fail (exam != NULL);

  entente_exam_pause (exam, now);
  if (exam->time_limit != 0)
    exam->elapsed = MIN (exam->elapsed, (gint64) exam->time_limit * G_USEC_PER_SEC);
  exam->finished = TRUE;
}

gboolean
entente_exam_is_finished (const EntenteExam *exam)
{
  g_return_val_if_fail (exam != NULL, FALSE);
  return exam->finished;
}

/* JSON */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
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
add_seed (JsonBuilder *builder,
          guint64      seed)
{
  g_autofree char *text = entente_exam_format_seed (seed);

  add_string (builder, "seed", text);
}

JsonNode *
entente_exam_to_json (const EntenteExam *exam,
                      gint64             now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (exam != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", EXAM_FORMAT);
  add_int (builder, "version", FORMAT_VERSION);
  add_string (builder, "pack", entente_pack_get_id (exam->pack));
  add_seed (builder, exam->seed);
  add_int (builder, "kinds", exam->kinds);
  add_int (builder, "time_limit", exam->time_limit);
  add_int (builder, "n_questions", exam->n_requested);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; exam->section_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, exam->section_ids[i]);
  json_builder_end_array (builder);
  add_int (builder, "current", exam->current);
  add_int (builder, "elapsed", entente_exam_get_elapsed (exam, now));
  json_builder_set_member_name (builder, "finished");
  json_builder_add_boolean_value (builder, exam->finished);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < exam->questions->len; i++)
    {
      const Question *q = GET_QUESTION (exam, i);

      json_builder_begin_object (builder);
      add_string (builder, "card", entente_card_get_id (q->card));
      if (q->kind == ENTENTE_EXAM_KIND_CHOICE)
        {
          json_builder_set_member_name (builder, "order");
          json_builder_begin_array (builder);
          for (guint k = 0; k < q->n_choices; k++)
            json_builder_add_int_value (builder, q->order[k]);
          json_builder_end_array (builder);
        }
      if (q->kind == ENTENTE_EXAM_KIND_CLOZE)
        add_int (builder, "gap", q->gap);
      if (q->answered)
        {
          json_builder_set_member_name (builder, "answer");
          if (q->kind == ENTENTE_EXAM_KIND_CHOICE)
            json_builder_add_int_value (builder, q->given_choice);
          else
            json_builder_add_string_value (builder, q->given_text);
          json_builder_set_member_name (builder, "override");
          json_builder_add_boolean_value (builder, q->override);
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
  g_set_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_INVALID,
               /* Translators: %s names the part of the saved exam that is wrong, e.g. "seed" */
               _("The saved exam is damaged (%s)"), what);
  return FALSE;
}

static JsonNode *
get_member_of_type (JsonObject *object,
                    const char *name,
                    GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gint64       min,
          gint64       max,
          gint64      *out_value,
          GError     **error)
{
  JsonNode *node = get_member_of_type (object, name, G_TYPE_INT64);
  gint64 value;

  if (node == NULL)
    return invalid (error, name);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return invalid (error, name);

  *out_value = value;
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             gboolean     nullable,
             const char **out_value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (nullable && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    {
      *out_value = NULL;
      return TRUE;
    }

  node = get_member_of_type (object, name, G_TYPE_STRING);
  if (node == NULL || !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return invalid (error, name);

  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *name,
           gboolean    *out_value,
           GError     **error)
{
  JsonNode *node = get_member_of_type (object, name, G_TYPE_BOOLEAN);

  if (node == NULL)
    return invalid (error, name);

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_seed (JsonObject  *object,
           guint64     *out_seed,
           GError     **error)
{
  const char *text;

  if (!read_string (object, "seed", FALSE, &text, error))
    return FALSE;
  if (!entente_exam_parse_seed (text, out_seed))
    return invalid (error, "seed");

  return TRUE;
}

static JsonObject *
read_header (JsonNode    *node,
             const char  *format,
             GError     **error)
{
  JsonObject *object;
  const char *text;
  gint64 version;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "format");
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_string (object, "format", FALSE, &text, error))
    return NULL;
  if (strcmp (text, format) != 0)
    {
      invalid (error, "format");
      return NULL;
    }
  if (!read_int (object, "version", FORMAT_VERSION, FORMAT_VERSION, &version, error))
    return NULL;

  return object;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, name);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
read_question (EntenteExam  *exam,
               JsonObject   *object,
               Question     *q,
               GError      **error)
{
  const char *card_id;
  EntenteCard *card;
  JsonNode *answer;

  memset (q, 0, sizeof *q);
  q->gap = -1;
  q->given_choice = -1;

  if (!read_string (object, "card", FALSE, &card_id, error))
    return FALSE;

  card = entente_pack_lookup_card (exam->pack, card_id);
  if (card == NULL)
    {
      g_set_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_OTHER_PACK,
                   /* Translators: %s is the id of a card of the study pack */
                   _("The pack no longer has the card “%s” of the saved exam"), card_id);
      return FALSE;
    }

  q->card = card;
  q->kind = kind_for_card (entente_card_get_kind (card));

  if (q->kind == ENTENTE_EXAM_KIND_CHOICE)
    {
      const char * const *choices = entente_card_get_choices (card);
      guint n = choices != NULL ? g_strv_length ((char **) choices) : 0;
      JsonArray *order = read_array (object, "order", error);
      guint seen = 0;

      if (order == NULL)
        return FALSE;
      if (n > MAX_CHOICES || json_array_get_length (order) != n)
        return invalid (error, "order");

      q->n_choices = n;
      for (guint k = 0; k < n; k++)
        {
          JsonNode *element = json_array_get_element (order, k);
          gint64 index;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
            return invalid (error, "order");
          index = json_node_get_int (element);
          if (index < 0 || index >= n || (seen & (1u << index)) != 0)
            return invalid (error, "order");
          seen |= 1u << index;
          q->order[k] = (guint8) index;
        }
    }
  else if (q->kind == ENTENTE_EXAM_KIND_CLOZE)
    {
      gint64 gap;

      if (!read_int (object, "gap", 0, (gint64) count_gaps (entente_card_get_text (card)) - 1,
                     &gap, error))
        return FALSE;
      q->gap = (int) gap;
    }

  answer = json_object_get_member (object, "answer");
  if (answer != NULL)
    {
      if (q->kind == ENTENTE_EXAM_KIND_CHOICE)
        {
          gint64 given;

          if (!read_int (object, "answer", 0, (gint64) q->n_choices - 1, &given, error))
            return FALSE;
          q->given_choice = (int) given;
        }
      else
        {
          const char *given;

          if (!read_string (object, "answer", FALSE, &given, error))
            return FALSE;
          q->given_text = g_strdup (given);
        }
      if (!read_bool (object, "override", &q->override, error))
        return FALSE;
      q->answered = TRUE;
      q->right = question_check (q);
    }

  return TRUE;
}

EntenteExam *
entente_exam_new_from_json (EntentePack  *pack,
                            JsonNode     *node,
                            GError      **error)
{
  g_autoptr(EntenteExam) exam = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) section_ids = NULL;
  EntenteExamSettings settings = { 0, };
  JsonObject *object;
  JsonArray *array;
  const char *pack_id;
  gint64 value;
  guint n;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = read_header (node, EXAM_FORMAT, error);
  if (object == NULL)
    return NULL;

  if (!read_string (object, "pack", FALSE, &pack_id, error))
    return NULL;
  if (strcmp (pack_id, entente_pack_get_id (pack)) != 0)
    {
      g_set_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_OTHER_PACK,
                   /* Translators: %s is the id of a study pack */
                   _("The saved exam is of another pack (“%s”)"), pack_id);
      return NULL;
    }

  if (!read_seed (object, &settings.seed, error))
    return NULL;
  if (!read_int (object, "kinds", 0, ENTENTE_EXAM_KINDS_ALL, &value, error))
    return NULL;
  settings.kinds = (EntenteExamKinds) value;
  if (!read_int (object, "time_limit", 0, G_MAXUINT, &value, error))
    return NULL;
  settings.time_limit = (guint) value;
  if (!read_int (object, "n_questions", 0, G_MAXUINT, &value, error))
    return NULL;
  settings.n_questions = (guint) value;

  array = read_array (object, "sections", error);
  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          invalid (error, "sections");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  section_ids = g_strv_builder_end (builder);
  settings.section_ids = (const char * const *) section_ids;

  exam = exam_alloc (pack, &settings);

  array = read_array (object, "questions", error);
  if (array == NULL)
    return NULL;
  n = json_array_get_length (array);
  g_array_set_size (exam->questions, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Question *q = GET_QUESTION (exam, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          invalid (error, "questions");
          return NULL;
        }
      if (!read_question (exam, json_node_get_object (element), q, error))
        return NULL;
    }

  if (!read_int (object, "current", 0, n > 0 ? n - 1 : 0, &value, error))
    return NULL;
  exam->current = (guint) value;
  if (!read_int (object, "elapsed", 0, G_MAXINT64, &exam->elapsed, error))
    return NULL;
  if (!read_bool (object, "finished", &exam->finished, error))
    return NULL;

  return g_steal_pointer (&exam);
}

/* Results */

typedef struct
{
  EntenteExamSectionScore score;
  guint                   order; /* the section's place in the pack, for ties */
} SectionEntry;

struct _EntenteExamResult
{
  GStringChunk     *strings;
  char             *pack_id;
  guint64           seed;
  EntenteExamKinds  kinds;
  guint             time_limit;
  guint             n_questions;
  guint             n_correct;
  gint64            elapsed;
  GArray           *sections;  /* SectionEntry */
  GArray           *mistakes;  /* EntenteExamMistake */
  GPtrArray        *wrong_ids; /* borrowed from strings, NULL-terminated */
};

static const char *
result_intern (EntenteExamResult *result,
               const char        *text)
{
  return text != NULL ? g_string_chunk_insert_const (result->strings, text) : NULL;
}

static EntenteExamResult *
result_alloc (void)
{
  EntenteExamResult *result = g_new0 (EntenteExamResult, 1);

  result->strings = g_string_chunk_new (4096);
  result->sections = g_array_new (FALSE, FALSE, sizeof (SectionEntry));
  result->mistakes = g_array_new (FALSE, FALSE, sizeof (EntenteExamMistake));
  result->wrong_ids = g_ptr_array_new ();
  return result;
}

static void
result_add_mistake (EntenteExamResult        *result,
                    const EntenteExamMistake *mistake)
{
  EntenteExamMistake copy;

  copy.card_id = result_intern (result, mistake->card_id);
  copy.section_id = result_intern (result, mistake->section_id);
  copy.kind = mistake->kind;
  copy.prompt = result_intern (result, mistake->prompt);
  copy.given = result_intern (result, mistake->given);
  copy.right = result_intern (result, mistake->right);
  copy.explanation = result_intern (result, mistake->explanation);
  g_array_append_val (result->mistakes, copy);
  g_ptr_array_add (result->wrong_ids, (gpointer) copy.card_id);
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const SectionEntry *sa = a;
  const SectionEntry *sb = b;
  guint64 left = (guint64) sa->score.n_correct * sb->score.n_questions;
  guint64 right = (guint64) sb->score.n_correct * sa->score.n_questions;

  if (left != right)
    return left < right ? -1 : 1;
  if (sa->score.n_questions != sb->score.n_questions)
    return sa->score.n_questions > sb->score.n_questions ? -1 : 1;
  if (sa->order != sb->order)
    return sa->order < sb->order ? -1 : 1;
  return 0;
}

EntenteExamResult *
entente_exam_dup_result (const EntenteExam *exam)
{
  g_autoptr(GHashTable) by_section = NULL;
  g_autoptr(GHashTable) section_order = NULL;
  EntenteExamResult *result;
  int no_section = -1;

  g_return_val_if_fail (exam != NULL, NULL);

  result = result_alloc ();
  result->pack_id = g_strdup (entente_pack_get_id (exam->pack));
  result->seed = exam->seed;
  result->kinds = exam->kinds;
  result->time_limit = exam->time_limit;
  result->n_questions = exam->questions->len;
  result->elapsed = exam->elapsed;

  section_order = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entente_pack_get_n_sections (exam->pack); i++)
    g_hash_table_insert (section_order,
                         (gpointer) entente_section_get_id (entente_pack_get_nth_section (exam->pack, i)),
                         GUINT_TO_POINTER (i));

  by_section = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < exam->questions->len; i++)
    {
      const Question *q = GET_QUESTION (exam, i);
      const char *section_id = entente_card_get_section (q->card);
      gboolean correct = q->answered && (q->right || q->override);
      SectionEntry *entry;
      gpointer index;

      if (section_id == NULL && no_section >= 0)
        entry = &g_array_index (result->sections, SectionEntry, no_section);
      else if (section_id != NULL && g_hash_table_lookup_extended (by_section, section_id, NULL, &index))
        entry = &g_array_index (result->sections, SectionEntry, GPOINTER_TO_UINT (index));
      else
        {
          EntenteSection *section = section_id != NULL
                                    ? entente_pack_lookup_section (exam->pack, section_id) : NULL;
          SectionEntry new_entry = { { 0, }, G_MAXUINT };
          gpointer order;

          new_entry.score.section_id = result_intern (result, section_id);
          new_entry.score.title = section != NULL ? result_intern (result, entente_section_get_title (section))
                                                  : NULL;
          if (section_id != NULL && g_hash_table_lookup_extended (section_order, section_id, NULL, &order))
            new_entry.order = GPOINTER_TO_UINT (order);

          if (section_id == NULL)
            no_section = result->sections->len;
          else
            g_hash_table_insert (by_section, (gpointer) new_entry.score.section_id,
                                 GUINT_TO_POINTER (result->sections->len));
          g_array_append_val (result->sections, new_entry);
          entry = &g_array_index (result->sections, SectionEntry, result->sections->len - 1);
        }

      entry->score.n_questions++;
      if (correct)
        {
          entry->score.n_correct++;
          result->n_correct++;
        }
      else
        {
          g_autofree char *prompt = question_dup_prompt (q, NULL);
          g_autofree char *right = question_dup_right_answer (exam, q);
          g_autofree char *given = NULL;
          EntenteExamMistake mistake;

          if (q->answered && q->kind == ENTENTE_EXAM_KIND_CHOICE)
            given = g_strdup (question_get_choices (q)[q->given_choice]);
          else if (q->answered && q->kind == ENTENTE_EXAM_KIND_MAP)
            given = state_name (exam->pack, q->given_text);
          else if (q->answered)
            given = g_strdup (q->given_text);

          mistake.card_id = entente_card_get_id (q->card);
          mistake.section_id = section_id;
          mistake.kind = q->kind;
          mistake.prompt = prompt;
          mistake.given = given;
          mistake.right = right;
          mistake.explanation = entente_card_get_explanation (q->card);
          result_add_mistake (result, &mistake);
        }
    }

  g_array_sort (result->sections, compare_sections);
  g_ptr_array_add (result->wrong_ids, NULL);

  return result;
}

void
entente_exam_result_free (EntenteExamResult *result)
{
  if (result == NULL)
    return;

  g_string_chunk_free (result->strings);
  g_free (result->pack_id);
  g_array_unref (result->sections);
  g_array_unref (result->mistakes);
  g_ptr_array_unref (result->wrong_ids);
  g_free (result);
}

const char *
entente_exam_result_get_pack_id (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->pack_id;
}

guint64
entente_exam_result_get_seed (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->seed;
}

EntenteExamKinds
entente_exam_result_get_kinds (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->kinds;
}

guint
entente_exam_result_get_time_limit (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->time_limit;
}

guint
entente_exam_result_get_n_questions (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_questions;
}

guint
entente_exam_result_get_n_correct (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_correct;
}

double
entente_exam_result_get_percent (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0.0);

  if (result->n_questions == 0)
    return 0.0;

  return 100.0 * result->n_correct / result->n_questions;
}

gint64
entente_exam_result_get_elapsed (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->elapsed;
}

guint
entente_exam_result_get_n_sections (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->sections->len;
}

const EntenteExamSectionScore *
entente_exam_result_get_section (const EntenteExamResult *result,
                                 guint                    position)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (position < result->sections->len, NULL);
  return &g_array_index (result->sections, SectionEntry, position).score;
}

guint
entente_exam_result_get_n_mistakes (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->mistakes->len;
}

const EntenteExamMistake *
entente_exam_result_get_mistake (const EntenteExamResult *result,
                                 guint                    position)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (position < result->mistakes->len, NULL);
  return &g_array_index (result->mistakes, EntenteExamMistake, position);
}

const char * const *
entente_exam_result_get_wrong_card_ids (const EntenteExamResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return (const char * const *) result->wrong_ids->pdata;
}

EntenteExam *
entente_exam_new_retake (EntentePack              *pack,
                         const EntenteExamResult  *result,
                         guint64                   seed,
                         GError                  **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GHashTable) seen = NULL;
  EntenteExamSettings settings = { 0, };
  EntenteExam *exam;
  EntenteRandom rng;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = g_array_new (FALSE, FALSE, sizeof (Item));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < result->mistakes->len; i++)
    {
      const char *card_id = g_array_index (result->mistakes, EntenteExamMistake, i).card_id;
      EntenteCard *card = entente_pack_lookup_card (pack, card_id);

      Item item;

      if (card == NULL || !g_hash_table_add (seen, (gpointer) card_id))
        continue;

      item.card = card;
      item.kind = kind_for_card (entente_card_get_kind (card));
      item.n_parts = card_n_parts (card, item.kind);
      g_array_append_val (items, item);
    }

  if (items->len == 0)
    {
      g_set_error_literal (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_NO_CARDS,
                           _("No mistakes to retake"));
      return NULL;
    }

  settings.n_questions = items->len;
  settings.kinds = result->kinds;
  settings.time_limit = result->time_limit;
  settings.seed = seed;

  exam = exam_alloc (pack, &settings);
  rng.state = seed;
  exam_add_questions (exam, items, &rng);

  return exam;
}

JsonNode *
entente_exam_result_to_json (const EntenteExamResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", RESULT_FORMAT);
  add_int (builder, "version", FORMAT_VERSION);
  add_string (builder, "pack", result->pack_id);
  add_seed (builder, result->seed);
  add_int (builder, "kinds", result->kinds);
  add_int (builder, "time_limit", result->time_limit);
  add_int (builder, "n_questions", result->n_questions);
  add_int (builder, "n_correct", result->n_correct);
  add_int (builder, "elapsed", result->elapsed);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->sections->len; i++)
    {
      const SectionEntry *entry = &g_array_index (result->sections, SectionEntry, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", entry->score.section_id);
      add_string (builder, "title", entry->score.title);
      add_int (builder, "n_correct", entry->score.n_correct);
      add_int (builder, "n_questions", entry->score.n_questions);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "mistakes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->mistakes->len; i++)
    {
      const EntenteExamMistake *m = &g_array_index (result->mistakes, EntenteExamMistake, i);

      json_builder_begin_object (builder);
      add_string (builder, "card", m->card_id);
      add_string (builder, "section", m->section_id);
      add_string (builder, "kind", kind_to_string (m->kind));
      add_string (builder, "prompt", m->prompt);
      add_string (builder, "given", m->given);
      add_string (builder, "right", m->right);
      add_string (builder, "explanation", m->explanation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

EntenteExamResult *
entente_exam_result_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(EntenteExamResult) result = NULL;
  JsonObject *object;
  JsonArray *array;
  const char *text;
  gint64 value;
  guint n_counted = 0, n_right = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = read_header (node, RESULT_FORMAT, error);
  if (object == NULL)
    return NULL;

  result = result_alloc ();
  if (!read_string (object, "pack", FALSE, &text, error))
    return NULL;
  result->pack_id = g_strdup (text);
  if (!read_seed (object, &result->seed, error))
    return NULL;
  if (!read_int (object, "kinds", 0, ENTENTE_EXAM_KINDS_ALL, &value, error))
    return NULL;
  result->kinds = (EntenteExamKinds) value;
  if (!read_int (object, "time_limit", 0, G_MAXUINT, &value, error))
    return NULL;
  result->time_limit = (guint) value;
  if (!read_int (object, "n_questions", 0, G_MAXUINT, &value, error))
    return NULL;
  result->n_questions = (guint) value;
  if (!read_int (object, "n_correct", 0, result->n_questions, &value, error))
    return NULL;
  result->n_correct = (guint) value;
  if (!read_int (object, "elapsed", 0, G_MAXINT64, &result->elapsed, error))
    return NULL;

  array = read_array (object, "sections", error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *section;
      SectionEntry entry = { { 0, }, i };
      const char *id, *title;
      gint64 n_questions, n_correct;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          invalid (error, "sections");
          return NULL;
        }
      section = json_node_get_object (element);
      if (!read_string (section, "id", TRUE, &id, error) ||
          !read_string (section, "title", TRUE, &title, error) ||
          !read_int (section, "n_questions", 1, G_MAXUINT, &n_questions, error) ||
          !read_int (section, "n_correct", 0, n_questions, &n_correct, error))
        return NULL;

      entry.score.section_id = result_intern (result, id);
      entry.score.title = result_intern (result, title);
      entry.score.n_questions = (guint) n_questions;
      entry.score.n_correct = (guint) n_correct;
      n_counted += entry.score.n_questions;
      n_right += entry.score.n_correct;
      g_array_append_val (result->sections, entry);
    }

  array = read_array (object, "mistakes", error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      EntenteExamMistake mistake;
      JsonObject *m;
      const char *kind;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          invalid (error, "mistakes");
          return NULL;
        }
      m = json_node_get_object (element);
      if (!read_string (m, "card", FALSE, &mistake.card_id, error) ||
          !read_string (m, "section", TRUE, &mistake.section_id, error) ||
          !read_string (m, "kind", FALSE, &kind, error) ||
          !read_string (m, "prompt", FALSE, &mistake.prompt, error) ||
          !read_string (m, "given", TRUE, &mistake.given, error) ||
          !read_string (m, "right", FALSE, &mistake.right, error) ||
          !read_string (m, "explanation", TRUE, &mistake.explanation, error))
        return NULL;
      mistake.kind = kind_from_string (kind);
      if (mistake.kind == 0)
        {
          invalid (error, "kind");
          return NULL;
        }
      result_add_mistake (result, &mistake);
    }
  g_ptr_array_add (result->wrong_ids, NULL);

  if (n_counted != result->n_questions || n_right != result->n_correct ||
      result->mistakes->len != result->n_questions - result->n_correct)
    {
      invalid (error, "n_questions");
      return NULL;
    }

  return g_steal_pointer (&result);
}
