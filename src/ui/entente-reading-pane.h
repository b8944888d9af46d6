#pragma once

#include <gtk/gtk.h>

#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_READING_PANE (entente_reading_pane_get_type ())

G_DECLARE_FINAL_TYPE (EntenteReadingPane, entente_reading_pane, ENTENTE, READING_PANE, GtkWidget)

GtkWidget      *entente_reading_pane_new         (void);

/* property "pack" (EntentePack, read-write, explicit notify): resolves the terms,
 * members, events and corrections that a section names */
EntentePack    *entente_reading_pane_get_pack    (EntenteReadingPane *self);
void            entente_reading_pane_set_pack    (EntenteReadingPane *self,
                                                  EntentePack        *pack);

/* property "section" (EntenteSection, read-only): the section shown */
EntenteSection *entente_reading_pane_get_section (EntenteReadingPane *self);

/* Shows @section with buttons to its neighbours in reading order (either may be NULL).
 * The buttons activate "outline.previous-section" and "outline.next-section". */
void            entente_reading_pane_show        (EntenteReadingPane *self,
                                                  EntenteSection     *section,
                                                  EntenteSection     *previous,
                                                  EntenteSection     *next);

G_END_DECLS
