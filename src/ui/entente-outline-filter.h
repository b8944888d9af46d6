#pragma once

#include "entente-pack.h"

G_BEGIN_DECLS

/* Decides which sections of a pack match a search query. Each section's searchable text
 * (title, summary, points, and the names and aliases of the glossary terms it uses) is
 * folded once, when the filter is created; a query then costs one substring scan per
 * section and word. GTK-free, so it can be measured without a display. */
typedef struct _EntenteOutlineFilter EntenteOutlineFilter;

EntenteOutlineFilter *entente_outline_filter_new           (EntentePack          *pack);
void                  entente_outline_filter_free          (EntenteOutlineFilter *self);

/* Every word of @query (folded, split at white space) must occur in a section for it to
 * match. Returns the number of matching sections, or -1 when @query has no words. */
int                   entente_outline_filter_set_query     (EntenteOutlineFilter *self,
                                                            const char           *query);
/* -1 without a query */
int                   entente_outline_filter_get_n_matches (EntenteOutlineFilter *self);
gboolean              entente_outline_filter_has_query     (EntenteOutlineFilter *self);
/* Without a query every section matches and is visible. */
gboolean              entente_outline_filter_is_match      (EntenteOutlineFilter *self,
                                                            EntenteSection       *section);
/* A match, or an ancestor of one. */
gboolean              entente_outline_filter_is_visible    (EntenteOutlineFilter *self,
                                                            EntenteSection       *section);
/* Whether any child of @section is visible: without a query, whether it has children. */
gboolean              entente_outline_filter_keeps_children (EntenteOutlineFilter *self,
                                                             EntenteSection       *section);
/* The section's place in reading order, or -1 if it is not in the pack. */
int                   entente_outline_filter_get_position  (EntenteOutlineFilter *self,
                                                            EntenteSection       *section);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteOutlineFilter, entente_outline_filter_free)

G_END_DECLS
