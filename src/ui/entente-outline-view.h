#pragma once

#include <gtk/gtk.h>

#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_OUTLINE_VIEW (entente_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (EntenteOutlineView, entente_outline_view, ENTENTE, OUTLINE_VIEW, GtkWidget)

GtkWidget   *entente_outline_view_new               (void);

/* property "pack" (EntentePack, read-write, explicit notify) */
EntentePack *entente_outline_view_get_pack          (EntenteOutlineView *self);
void         entente_outline_view_set_pack          (EntenteOutlineView *self,
                                                     EntentePack        *pack);

/* property "section-id" (string, read-write, explicit notify): the section in the reading pane;
 * setting it expands its ancestors, selects and scrolls to it; NULL or unknown selects the first */
const char  *entente_outline_view_get_section_id    (EntenteOutlineView *self);
void         entente_outline_view_set_section_id    (EntenteOutlineView *self,
                                                     const char         *section_id);

/* opens the search bar and focuses the entry (window's Ctrl+F calls this) */
void         entente_outline_view_start_search      (EntenteOutlineView *self);

/* property "search-text" (string, read-write): the current query; "" when search is off */
const char  *entente_outline_view_get_search_text   (EntenteOutlineView *self);
void         entente_outline_view_set_search_text   (EntenteOutlineView *self,
                                                     const char         *text);

/* number of sections matching the query (matches only, not their kept ancestors); -1 without a query */
int          entente_outline_view_get_n_matches     (EntenteOutlineView *self);

/* widget actions: "outline.previous-section" (Alt+Up / Ctrl+Page_Up) and "outline.next-section"
 * (Alt+Down / Ctrl+Page_Down) move in reading order */

G_END_DECLS
