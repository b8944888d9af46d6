#include "config.h"

#include <string.h>

#include "entente-outline-filter.h"
#include "entente-text.h"

/* What the query decides about a section. */
enum
{
  FLAG_MATCH        = 1 << 0,
  FLAG_VISIBLE      = 1 << 1,
  FLAG_KEEPS_CHILD  = 1 << 2,
};

/* What the reader decides: kept across queries. */
enum
{
  STATE_EXPANDED           = 1 << 0,
  STATE_COLLAPSED_IN_QUERY = 1 << 1,
};

struct _EntenteOutlineFilter
{
  EntentePack *pack;
  guint        n_sections;
  /* Indexed by reading order. */
  char       **folded;
  int         *parent;
  gboolean    *has_children;
  guint8      *flags;
  guint8      *state;
  /* Whether each section is listed now, and as the last entente_outline_filter_take_change()
   * reported it. */
  guint8      *listed;
  guint8      *reported;
  guint        n_listed;
  /* The positions of the listed sections, in order (n_listed of them), and the place of
   * each section among them (-1 if it is not listed). */
  int         *listed_order;
  int         *listed_position;
  /* EntenteSection * -> position + 1 */
  GHashTable  *positions;
  int          n_matches;
  /* The positions of the matches of the last query, in reading order, and that query
   * folded: a query that only adds to it can match only among them. */
  int         *matches;
  char        *folded_query;
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

static void update_listed (EntenteOutlineFilter *self);

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
  self->has_children = g_new (gboolean, self->n_sections);
  self->flags = g_new (guint8, self->n_sections);
  self->state = g_new0 (guint8, self->n_sections);
  self->listed = g_new0 (guint8, self->n_sections);
  self->reported = g_new0 (guint8, self->n_sections);
  self->listed_order = g_new (int, self->n_sections);
  self->listed_position = g_new (int, self->n_sections);
  self->matches = g_new (int, self->n_sections);
  self->positions = g_hash_table_new (NULL, NULL);
  self->n_matches = -1;

  for (guint i = 0; i < self->n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      g_hash_table_insert (self->positions, section, GUINT_TO_POINTER (i + 1));
      self->folded[i] = fold_section (pack, folded_terms, section);
      self->flags[i] = FLAG_MATCH | FLAG_VISIBLE;
      self->has_children[i] = g_list_model_get_n_items (entente_section_get_children (section)) > 0;
    }

  /* In reading order a parent always comes before its children. */
  for (guint i = 0; i < self->n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      self->parent[i] = entente_outline_filter_get_position (self,
                                                             entente_section_get_parent (section));
    }

  update_listed (self);
  memcpy (self->reported, self->listed, self->n_sections);

  return self;
}

void
entente_outline_filter_free (EntenteOutlineFilter *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->folded);
  g_free (self->parent);
  g_free (self->has_children);
  g_free (self->flags);
  g_free (self->state);
  g_free (self->listed);
  g_free (self->reported);
  g_free (self->listed_order);
  g_free (self->listed_position);
  g_free (self->matches);
  g_free (self->folded_query);
  g_hash_table_unref (self->positions);
  g_object_unref (self->pack);
  g_free (self);
}

static gboolean
is_expanded_at (EntenteOutlineFilter *self,
                guint                 position)
{
  if (self->n_matches < 0)
    return self->has_children[position] && (self->state[position] & STATE_EXPANDED) != 0;

  return (self->flags[position] & FLAG_KEEPS_CHILD) != 0 &&
         (self->state[position] & STATE_COLLAPSED_IN_QUERY) == 0;
}

/* One pass in reading order, parents first. */
static void
update_listed (EntenteOutlineFilter *self)
{
  self->n_listed = 0;

  for (guint i = 0; i < self->n_sections; i++)
    {
      int parent = self->parent[i];
      gboolean listed = (self->flags[i] & FLAG_VISIBLE) != 0 &&
                        (parent < 0 || (self->listed[parent] && is_expanded_at (self, parent)));

      self->listed[i] = listed;
      if (listed)
        {
          self->listed_position[i] = self->n_listed;
          self->listed_order[self->n_listed++] = i;
        }
      else
        self->listed_position[i] = -1;
    }
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

/* Whether whatever matches @query (folded) also matches @previous_query (folded): so when
 * @query only adds characters at the end of @previous_query (its last word grows, or more
 * words follow), as then each previous word is part of one of the new words. */
static gboolean
narrows (const char *previous_query,
         const char *query)
{
  return previous_query != NULL && g_str_has_prefix (query, previous_query);
}

static void
keep_match (EntenteOutlineFilter *self,
            guint                 position)
{
  self->matches[self->n_matches++] = position;
  self->flags[position] |= FLAG_MATCH | FLAG_VISIBLE;

  /* Keep the ancestors; stop at one that is already kept, its own are too. */
  for (int p = self->parent[position]; p >= 0; p = self->parent[p])
    {
      gboolean kept = (self->flags[p] & FLAG_VISIBLE) != 0;

      self->flags[p] |= FLAG_VISIBLE | FLAG_KEEPS_CHILD;
      if (kept)
        break;
    }
}

int
entente_outline_filter_set_query (EntenteOutlineFilter *self,
                                  const char           *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) words = NULL;
  const char * const *needles;

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
  needles = (const char * const *) words->pdata;

  /* Every query starts with its kept sections expanded. */
  for (guint i = 0; i < self->n_sections; i++)
    self->state[i] &= ~STATE_COLLAPSED_IN_QUERY;

  if (words->len == 1)
    {
      memset (self->flags, FLAG_MATCH | FLAG_VISIBLE, self->n_sections);
      self->n_matches = -1;
      g_clear_pointer (&self->folded_query, g_free);
      update_listed (self);
      return -1;
    }

  memset (self->flags, 0, self->n_sections);

  if (self->n_matches >= 0 && narrows (self->folded_query, folded))
    {
      /* Only the previous matches can match; they are in reading order, and the list is
       * rewritten in place, never ahead of where it is read. */
      guint n_previous = self->n_matches;

      self->n_matches = 0;
      for (guint i = 0; i < n_previous; i++)
        {
          int position = self->matches[i];

          if (matches_all (self->folded[position], needles))
            keep_match (self, position);
        }
    }
  else
    {
      self->n_matches = 0;
      for (guint i = 0; i < self->n_sections; i++)
        {
          if (matches_all (self->folded[i], needles))
            keep_match (self, i);
        }
    }

  g_free (self->folded_query);
  self->folded_query = g_steal_pointer (&folded);
  update_listed (self);

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
    return self->has_children[position];

  return (self->flags[position] & FLAG_KEEPS_CHILD) != 0;
}

gboolean
entente_outline_filter_get_expanded (EntenteOutlineFilter *self,
                                     EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  return position >= 0 && is_expanded_at (self, position);
}

static void
set_expanded_at (EntenteOutlineFilter *self,
                 guint                 position,
                 gboolean              expanded)
{
  if (self->n_matches < 0 && expanded)
    self->state[position] |= STATE_EXPANDED;
  else if (self->n_matches < 0)
    self->state[position] &= ~STATE_EXPANDED;
  else if (expanded)
    self->state[position] &= ~STATE_COLLAPSED_IN_QUERY;
  else
    self->state[position] |= STATE_COLLAPSED_IN_QUERY;
}

void
entente_outline_filter_set_expanded (EntenteOutlineFilter *self,
                                     EntenteSection       *section,
                                     gboolean              expanded,
                                     gboolean              recursive)
{
  int position = entente_outline_filter_get_position (self, section);
  guint depth;

  g_return_if_fail (position >= 0);

  set_expanded_at (self, position, expanded);

  /* The sections below come right after it in reading order, deeper than it is. */
  depth = entente_section_get_depth (section);
  for (guint i = position + 1; recursive && i < self->n_sections; i++)
    {
      if (entente_section_get_depth (entente_pack_get_nth_section (self->pack, i)) <= depth)
        break;
      set_expanded_at (self, i, expanded);
    }

  update_listed (self);
}

void
entente_outline_filter_reveal (EntenteOutlineFilter *self,
                               EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  g_return_if_fail (position >= 0);

  if (self->listed[position] || (self->flags[position] & FLAG_VISIBLE) == 0)
    return;

  for (int p = self->parent[position]; p >= 0; p = self->parent[p])
    set_expanded_at (self, p, TRUE);

  update_listed (self);
}

gboolean
entente_outline_filter_is_listed (EntenteOutlineFilter *self,
                                  EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  return position >= 0 && self->listed[position];
}

guint
entente_outline_filter_get_n_listed (EntenteOutlineFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_listed;
}

int
entente_outline_filter_get_listed_position (EntenteOutlineFilter *self,
                                            EntenteSection       *section)
{
  int position = entente_outline_filter_get_position (self, section);

  return position >= 0 ? self->listed_position[position] : -1;
}

EntenteSection *
entente_outline_filter_get_nth_listed (EntenteOutlineFilter *self,
                                       guint                 listed_position)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (listed_position >= self->n_listed)
    return NULL;

  return entente_pack_get_nth_section (self->pack, self->listed_order[listed_position]);
}

EntenteOutlineFilterChange
entente_outline_filter_take_change (EntenteOutlineFilter *self)
{
  gboolean gained = FALSE;
  gboolean lost = FALSE;

  g_return_val_if_fail (self != NULL, ENTENTE_OUTLINE_FILTER_CHANGE_DIFFERENT);

  for (guint i = 0; i < self->n_sections && !(gained && lost); i++)
    {
      gained |= self->listed[i] && !self->reported[i];
      lost |= !self->listed[i] && self->reported[i];
    }

  memcpy (self->reported, self->listed, self->n_sections);

  if (gained && lost)
    return ENTENTE_OUTLINE_FILTER_CHANGE_DIFFERENT;
  if (gained)
    return ENTENTE_OUTLINE_FILTER_CHANGE_LESS_STRICT;
  if (lost)
    return ENTENTE_OUTLINE_FILTER_CHANGE_MORE_STRICT;

  return ENTENTE_OUTLINE_FILTER_CHANGE_NONE;
}
