#include "config.h"

#include <string.h>

#include "entente-outline-filter.h"
#include "entente-text.h"

enum
{
  FLAG_MATCH        = 1 << 0,
  FLAG_VISIBLE      = 1 << 1,
  FLAG_KEEPS_CHILD  = 1 << 2,
};

struct _EntenteOutlineFilter
{
  EntentePack *pack;
  guint        n_sections;
  /* Indexed by reading order. */
  char       **folded;
  int         *parent;
  guint8      *flags;
  /* EntenteSection * -> position + 1 */
  GHashTable  *positions;
  int          n_matches;
};

static void
append_folded (GString    *text,
               const char *part)
{
  g_autofree char *folded = NULL;

  if (part == NULL || *part == '\0')
    return;

  folded = entente_text_fold (part);
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, folded);
}

/* The names of a glossary term, folded: many sections use the same terms. */
static const char *
fold_term (GHashTable  *folded_terms,
           EntenteTerm *term)
{
  GString *text;
  const char * const *aliases;
  char *folded = g_hash_table_lookup (folded_terms, term);

  if (folded != NULL)
    return folded;

  text = g_string_new (NULL);
  append_folded (text, entente_term_get_term (term));
  aliases = entente_term_get_aliases (term);
  for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
    append_folded (text, aliases[j]);

  folded = g_string_free (text, FALSE);
  g_hash_table_insert (folded_terms, term, folded);

  return folded;
}

static char *
fold_section (EntentePack    *pack,
              GHashTable     *folded_terms,
              EntenteSection *section)
{
  g_autoptr(GString) raw = g_string_new (entente_section_get_title (section));
  const char * const *points = entente_section_get_points (section);
  const char * const *terms = entente_section_get_terms (section);
  const char *summary = entente_section_get_summary (section);
  g_autofree char *folded = NULL;
  GString *text;

  /* One fold for the section's own texts, one line each so that no word spans two. */
  if (summary != NULL)
    g_string_append_printf (raw, "\n%s", summary);
  for (guint i = 0; points[i] != NULL; i++)
    g_string_append_printf (raw, "\n%s", points[i]);

  folded = entente_text_fold (raw->str);
  text = g_string_new (folded);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      EntenteTerm *term = entente_pack_lookup_term (pack, terms[i]);

      if (term != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, fold_term (folded_terms, term));
        }
    }

  return g_string_free (text, FALSE);
}

EntenteOutlineFilter *
entente_outline_filter_new (EntentePack *pack)
{
  g_autoptr(GHashTable) folded_terms = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  EntenteOutlineFilter *self;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);

  self = g_new0 (EntenteOutlineFilter, 1);
  self->pack = g_object_ref (pack);
  self->n_sections = entente_pack_get_n_sections (pack);
  self->folded = g_new0 (char *, self->n_sections + 1);
  self->parent = g_new (int, self->n_sections);
  self->flags = g_new (guint8, self->n_sections);
  self->positions = g_hash_table_new (NULL, NULL);
  self->n_matches = -1;

  for (guint i = 0; i < self->n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      g_hash_table_insert (self->positions, section, GUINT_TO_POINTER (i + 1));
      self->folded[i] = fold_section (pack, folded_terms, section);
      self->flags[i] = FLAG_MATCH | FLAG_VISIBLE;
    }

  /* In reading order a parent always comes before its children. */
  for (guint i = 0; i < self->n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      self->parent[i] = entente_outline_filter_get_position (self,
                                                             entente_section_get_parent (section));
    }

  return self;
}

void
entente_outline_filter_free (EntenteOutlineFilter *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->folded);
  g_free (self->parent);
  g_free (self->flags);
  g_hash_table_unref (self->positions);
  g_object_unref (self->pack);
  g_free (self);
}

static gboolean
matches_all (const char         *haystack,
             const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

int
entente_outline_filter_set_query (EntenteOutlineFilter *self,
                                  const char           *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) words = NULL;

  g_return_val_if_fail (self != NULL, -1);

  folded = entente_text_fold (query != NULL ? query : "");
  parts = g_strsplit_set (folded, " \t\n\r", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] != '\0')
        g_ptr_array_add (words, parts[i]);
    }
  g_ptr_array_add (words, NULL);

  if (words->len == 1)
    {
      memset (self->flags, FLAG_MATCH | FLAG_VISIBLE, self->n_sections);
      self->n_matches = -1;
      return -1;
    }

  memset (self->flags, 0, self->n_sections);
  self->n_matches = 0;

  for (guint i = 0; i < self->n_sections; i++)
    {
      if (!matches_all (self->folded[i], (const char * const *) words->pdata))
        continue;

      self->n_matches++;
      self->flags[i] |= FLAG_MATCH | FLAG_VISIBLE;

      /* Keep the ancestors; stop at one that is already kept, its own are too. */
      for (int p = self->parent[i]; p >= 0; p = self->parent[p])
        {
          gboolean kept = (self->flags[p] & FLAG_VISIBLE) != 0;

          self->flags[p] |= FLAG_VISIBLE | FLAG_KEEPS_CHILD;
          if (kept)
            break;
        }
    }

  return self->n_matches;
}

int
entente_outline_filter_get_n_matches (EntenteOutlineFilter *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->n_matches;
}

gboolean
entente_outline_filter_has_query (EntenteOutlineFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_matches >= 0;
}

int
entente_outline_filter_get_position (EntenteOutlineFilter *self,
                                     EntenteSection       *section)
{
  g_return_val_if_fail (self != NULL, -1);

  if (section == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->positions, section)) - 1;
}

gboolean
entente_outline_filter_is_match (EntenteOutlineFilter *self,
                                 EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  return position >= 0 && (self->flags[position] & FLAG_MATCH) != 0;
}

gboolean
entente_outline_filter_is_visible (EntenteOutlineFilter *self,
                                   EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  return position >= 0 && (self->flags[position] & FLAG_VISIBLE) != 0;
}

gboolean
entente_outline_filter_keeps_children (EntenteOutlineFilter *self,
                                       EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  if (position < 0)
    return FALSE;

  if (self->n_matches < 0)
    return g_list_model_get_n_items (entente_section_get_children (section)) > 0;

  return (self->flags[position] & FLAG_KEEPS_CHILD) != 0;
}
