/* entente-question-view.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-atlas.h"
#include "entente-map-view.h"
#include "entente-pack.h"

G_BEGIN_DECLS

/* One question as the Review and Practice pages show it: wrapped labels, multiple-choice
 * buttons (numbered 1-8, for the pages' number keys), a typed-answer entry, and the map
 * with its twin for those who cannot point at it: the pack's states in a list, each row
 * an answer. A row of the list is exactly a click on that state on the map.
 *
 * Signals: "choice-activated" (int index, from 0): a choice button was clicked.
 * "state-activated" (const char *code): a state was clicked or entered on the map, or
 * its row in the list was activated. */

#define ENTENTE_TYPE_QUESTION_VIEW (entente_question_view_get_type ())

G_DECLARE_FINAL_TYPE (EntenteQuestionView, entente_question_view, ENTENTE, QUESTION_VIEW, GtkWidget)

#define ENTENTE_QUESTION_VIEW_MAX_CHOICES 8

GtkWidget   *entente_wrapped_label_new                (const char          *text,
                                                       const char          *css_class);
int          entente_question_view_key_to_digit       (guint                keyval);
void         entente_question_view_bind_number_keys   (GtkWidgetClass      *widget_class,
                                                       GtkShortcutFunc      callback);

GtkWidget   *entente_question_view_new                (EntentePack         *pack,
                                                       EntenteAtlas        *atlas);
GtkWidget   *entente_question_view_add_label          (EntenteQuestionView *self,
                                                       const char          *text,
                                                       const char          *css_class);
void         entente_question_view_append             (EntenteQuestionView *self,
                                                       GtkWidget           *child);

void         entente_question_view_add_choices        (EntenteQuestionView *self,
                                                       const char * const  *choices);
guint        entente_question_view_get_n_choices      (EntenteQuestionView *self);
void         entente_question_view_mark_choice        (EntenteQuestionView *self,
                                                       int                  chosen);
void         entente_question_view_show_right_choice  (EntenteQuestionView *self,
                                                       int                  right,
                                                       int                  given);

GtkWidget   *entente_question_view_add_entry          (EntenteQuestionView *self,
                                                       const char          *text);
GtkWidget   *entente_question_view_get_entry          (EntenteQuestionView *self);

GtkWidget   *entente_question_view_add_map            (EntenteQuestionView *self,
                                                       gboolean             with_list);
EntenteMapView *entente_question_view_get_map_view    (EntenteQuestionView *self);
GtkWidget   *entente_question_view_get_state_list     (EntenteQuestionView *self);
void         entente_question_view_set_picked_state   (EntenteQuestionView *self,
                                                       const char          *code);
void         entente_question_view_show_right_state   (EntenteQuestionView *self,
                                                       const char          *right,
                                                       const char          *given);

void         entente_question_view_grab_answer_focus  (EntenteQuestionView *self,
                                                       int                  choice);

G_END_DECLS
