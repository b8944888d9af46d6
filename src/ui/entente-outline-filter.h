#pragma once

#include "entente-pack.h"

G_BEGIN_DECLS

/* Decides which sections of a pack the outline lists. Each section's searchable text
 * (title, summary, points, and the names and aliases of the glossary terms it uses) is
 * folded once, when the filter is created; a query then costs one substring scan per
 * section and word. The filter also keeps what the reader expanded, so that the outline
 * and its searches are one list of sections in reading order, filtered: the rows a list
 * shows stay the same objects whatever changes. GTK-free, so it can be measured without
 * a display. */
typedef struct _EntenteOutlineFilter EntenteOutlineFilter;

/* How the set of listed sections changed since the last entente_outline_filter_take_change(),
 * in the terms of GtkFilterChange. */
typedef enum
{
  ENTENTE_OUTLINE_FILTER_CHANGE_NONE,
  /* Every section listed now was listed before. */
  ENTENTE_OUTLINE_FILTER_CHANGE_MORE_STRICT,
  /* Every section listed before is listed now. */
  ENTENTE_OUTLINE_FILTER_CHANGE_LESS_STRICT,
  ENTENTE_OUTLINE_FILTER_CHANGE_DIFFERENT,
} EntenteOutlineFilterChange;

EntenteOutlineFilter *entente_outline_filter_new            (EntentePack          *pack);
void                  entente_outline_filter_free           (EntenteOutlineFilter *self);

/* Every word of @query (folded, split at white space) must occur in a section for it to
 * match. Returns the number of matching sections, or -1 when @query has no words.
 * A new query expands every section that keeps a match below it. A query that extends
 * the previous one (typing on) is only tried on the previous one's matches. */
int                   entente_outline_filter_set_query      (EntenteOutlineFilter *self,
                                                             const char           *query);
/* -1 without a query */
int                   entente_outline_filter_get_n_matches  (EntenteOutlineFilter *self);
gboolean              entente_outline_filter_has_query      (EntenteOutlineFilter *self);
/* Without a query every section matches and is visible. */
gboolean              entente_outline_filter_is_match       (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
/* A match, or an ancestor of one. */
gboolean              entente_outline_filter_is_visible     (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
/* Whether any child of @section is visible: without a query, whether it has children.
 * That is whether its row can be expanded. */
gboolean              entente_outline_filter_keeps_children (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
/* The section's place in reading order, or -1 if it is not in the pack. */
int                   entente_outline_filter_get_position   (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);

/* Whether the children of @section that are visible are listed. Without a query that is
 * what the reader chose (nothing is expanded at first); with one, sections that keep
 * children are expanded unless the reader collapsed them during this query. */
gboolean              entente_outline_filter_get_expanded   (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
/* With @recursive, also every section below @section. */
void                  entente_outline_filter_set_expanded   (EntenteOutlineFilter *self,
                                                             EntenteSection       *section,
                                                             gboolean              expanded,
                                                             gboolean              recursive);
/* Expands the ancestors of @section, so that it is listed if it is visible. */
void                  entente_outline_filter_reveal         (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);

/* Listed: visible, and every ancestor expanded. */
gboolean              entente_outline_filter_is_listed      (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
guint                 entente_outline_filter_get_n_listed   (EntenteOutlineFilter *self);
/* The place of @section among the listed sections, or -1 if it is not listed. */
int                   entente_outline_filter_get_listed_position (EntenteOutlineFilter *self,
                                                                  EntenteSection       *section);
/* The section at @listed_position among the listed sections, or NULL past their end. */
EntenteSection       *entente_outline_filter_get_nth_listed (EntenteOutlineFilter *self,
                                                             guint                 listed_position);
/* How the listed sections changed since the last call (since the filter was created, at
 * first: then every section at the top level is listed). */
EntenteOutlineFilterChange
                      entente_outline_filter_take_change    (EntenteOutlineFilter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteOutlineFilter, entente_outline_filter_free)

G_END_DECLS
