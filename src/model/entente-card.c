/* entente-card.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-card.h"
#include "entente-model-private.h"

static const char * const kind_names[ENTENTE_N_CARD_KINDS] = {
  [ENTENTE_CARD_KIND_BASIC] = "basic",
  [ENTENTE_CARD_KIND_CHOICE] = "choice",
  [ENTENTE_CARD_KIND_CLOZE] = "cloze",
  [ENTENTE_CARD_KIND_MAP] = "map",
};

const char *
entente_card_kind_to_string (EntenteCardKind kind)
{
  if ((guint) kind >= ENTENTE_N_CARD_KINDS)
    return NULL;

  return kind_names[kind];
}

gboolean
entente_card_kind_from_string (const char      *text,
                               EntenteCardKind *out_kind)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < ENTENTE_N_CARD_KINDS; i++)
    {
      if (strcmp (text, kind_names[i]) == 0)
        {
          if (out_kind != NULL)
            *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

G_DEFINE_FINAL_TYPE (EntenteCard, entente_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SECTION,
  PROP_TAGS,
  PROP_EXPLANATION,
  PROP_FRONT,
  PROP_BACK,
  PROP_ACCEPT,
  PROP_QUESTION,
  PROP_CHOICES,
  PROP_ANSWER_INDEX,
  PROP_TEXT,
  PROP_PROMPT,
  PROP_ANSWER_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_card_finalize (GObject *object)
{
  EntenteCard *self = (EntenteCard *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_card_parent_class)->finalize (object);
}

static void
entente_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntenteCard *self = ENTENTE_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->data->id);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->data->kind);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->data->section);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, entente_card_get_tags (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->data->explanation);
      break;

    case PROP_FRONT:
      g_value_set_string (value, self->data->front);
      break;

    case PROP_BACK:
      g_value_set_string (value, self->data->back);
      break;

    case PROP_ACCEPT:
      g_value_set_boxed (value, entente_card_get_accept (self));
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->data->question);
      break;

    case PROP_CHOICES:
      g_value_set_boxed (value, entente_card_get_choices (self));
      break;

    case PROP_ANSWER_INDEX:
      g_value_set_int (value, self->data->answer_index);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->data->text);
      break;

    case PROP_PROMPT:
      g_value_set_string (value, self->data->prompt);
      break;

    case PROP_ANSWER_CODE:
      g_value_set_string (value, self->data->answer_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_card_class_init (EntenteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_card_finalize;
  object_class->get_property = entente_card_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* An EntenteCardKind; a plain int, as the enum has no GType. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, ENTENTE_N_CARD_KINDS - 1, ENTENTE_CARD_KIND_BASIC,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FRONT] =
    g_param_spec_string ("front", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BACK] =
    g_param_spec_string ("back", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPT] =
    g_param_spec_boxed ("accept", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER_INDEX] =
    g_param_spec_int ("answer-index", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROMPT] =
    g_param_spec_string ("prompt", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER_CODE] =
    g_param_spec_string ("answer-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_card_init (EntenteCard *self)
{
}

EntenteCardData *
_entente_card_data_new (EntenteStrings  *strings,
                        EntenteCardKind  kind)
{
  EntenteCardData *data = _entente_strings_alloc (strings, sizeof *data, G_ALIGNOF (EntenteCardData));

  memset (data, 0, sizeof *data);
  data->kind = kind;
  data->answer_index = -1;

  return data;
}

EntenteCard *
_entente_card_new (EntenteStrings        *strings,
                   const EntenteCardData *data)
{
  EntenteCard *self = g_object_new (ENTENTE_TYPE_CARD, NULL);

  self->strings = _entente_strings_ref (strings);
  self->data = data;

  return self;
}

const char *
entente_card_get_id (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->id;
}

EntenteCardKind
entente_card_get_kind (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), ENTENTE_CARD_KIND_BASIC);

  return self->data->kind;
}

const char *
entente_card_get_section (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->section;
}

const char * const *
entente_card_get_tags (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->tags != NULL ? (const char * const *) self->data->tags : _entente_empty_strv;
}

const char *
entente_card_get_explanation (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->explanation;
}

const char *
entente_card_get_front (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->front;
}

const char *
entente_card_get_back (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->back;
}

/* Empty for a basic card without "accept", NULL for other kinds. */
const char * const *
entente_card_get_accept (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  if (self->data->kind != ENTENTE_CARD_KIND_BASIC)
    return NULL;

  return self->data->accept != NULL ? (const char * const *) self->data->accept : _entente_empty_strv;
}

const char *
entente_card_get_question (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->question;
}

const char * const *
entente_card_get_choices (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return (const char * const *) self->data->choices;
}

int
entente_card_get_answer_index (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), -1);

  return self->data->answer_index;
}

const char *
entente_card_get_text (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->text;
}

const char *
entente_card_get_prompt (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->prompt;
}

const char *
entente_card_get_answer_code (EntenteCard *self)
{
  g_return_val_if_fail (ENTENTE_IS_CARD (self), NULL);

  return self->data->answer_code;
}

EntenteClozeCheck
_entente_cloze_check (const char *text,
                      guint      *out_n_gaps,
                      gsize      *out_offset)
{
  const char *gap_start = NULL;
  guint n_gaps = 0;
  const char *p;

  for (p = strpbrk (text, "{}"); p != NULL && *p != '\0'; p = strpbrk (p + 1, "{}"))
    {
      if (p[0] == '{' && p[1] == '{')
        {
          if (gap_start != NULL)
            {
              *out_offset = p - text;
              return ENTENTE_CLOZE_NESTED;
            }
          gap_start = p;
          p++;
        }
      else if (p[0] == '}' && p[1] == '}')
        {
          const char *q;

          if (gap_start == NULL)
            {
              *out_offset = p - text;
              return ENTENTE_CLOZE_UNOPENED;
            }

          for (q = gap_start + 2; q < p; q = g_utf8_next_char (q))
            {
              if (!g_unichar_isspace (g_utf8_get_char (q)))
                break;
            }
          if (q >= p)
            {
              *out_offset = gap_start - text;
              return ENTENTE_CLOZE_EMPTY;
            }

          n_gaps++;
          gap_start = NULL;
          p++;
        }
    }

  if (gap_start != NULL)
    {
      *out_offset = gap_start - text;
      return ENTENTE_CLOZE_UNCLOSED;
    }

  *out_n_gaps = n_gaps;
  *out_offset = 0;

  return n_gaps > 0 ? ENTENTE_CLOZE_OK : ENTENTE_CLOZE_NO_GAP;
}

/**
 * entente_card_split_cloze:
 * @text: the text of a cloze card
 *
 * Splits cloze text at its gaps: the parts at even positions are shown as they are,
 * the parts at odd positions are the gaps, without their braces. "The {{SCO}} was
 * founded in {{2001}}." gives "The ", "SCO", " was founded in ", "2001", ".".
 *
 * Returns: (transfer full): a %NULL-terminated array with an odd number of parts, or
 *   %NULL if @text is not valid cloze text (no gap, unbalanced or empty braces)
 */
char **
entente_card_split_cloze (const char *text)
{
  GPtrArray *parts;
  const char *segment = text;
  const char *p;
  guint n_gaps;
  gsize offset;

  g_return_val_if_fail (text != NULL, NULL);

  if (_entente_cloze_check (text, &n_gaps, &offset) != ENTENTE_CLOZE_OK)
    return NULL;

  parts = g_ptr_array_new ();
  for (p = text; *p != '\0'; p++)
    {
      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_ptr_array_add (parts, g_strndup (segment, p - segment));
          segment = p + 2;
          p++;
        }
    }
  g_ptr_array_add (parts, g_strdup (segment));
  g_ptr_array_add (parts, NULL);

  return (char **) g_ptr_array_free (parts, FALSE);
}
