/* entente-section-row.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-section.h"

G_BEGIN_DECLS

/* A row of the outline: an arrow that expands the section, indented by its depth, and its
 * title over its pages. The outline binds its rows again whenever what it lists changes
 * (the rows stay, the sections they show change), so setting the section that a row shows
 * already costs nothing; the tooltip and the accessible name follow the section without
 * being set.
 *
 * Signal "toggle": the reader clicked the arrow of an expandable row. */
#define ENTENTE_TYPE_SECTION_ROW (entente_section_row_get_type ())

G_DECLARE_FINAL_TYPE (EntenteSectionRow, entente_section_row, ENTENTE, SECTION_ROW, GtkWidget)

GtkWidget      *entente_section_row_new            (void);

EntenteSection *entente_section_row_get_section    (EntenteSectionRow *self);
void            entente_section_row_set_section    (EntenteSectionRow *self,
                                                    EntenteSection    *section);

/* Whether the arrow shows, and which way it points. */
void            entente_section_row_set_expander   (EntenteSectionRow *self,
                                                    gboolean           expandable,
                                                    gboolean           expanded);
gboolean        entente_section_row_get_expandable (EntenteSectionRow *self);
gboolean        entente_section_row_get_expanded   (EntenteSectionRow *self);

G_END_DECLS
