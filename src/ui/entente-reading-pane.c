#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "entente-application.h"
#include "entente-reading-pane.h"
#include "entente-review-page.h"

struct _EntenteReadingPane
{
  GtkWidget       parent_instance;

  EntentePack    *pack;
  EntenteSection *section;

  GtkScrolledWindow *scroller;
  GtkBox            *column;
  GtkWidget         *header_box;
  GtkLabel          *breadcrumb_label;
  GtkLabel          *title_label;
  GtkLabel          *pages_label;
  /* Everything between the title and the neighbours; see build_body(). */
  GtkWidget         *body;
  GtkWidget         *previous_button;
  GtkLabel          *previous_title_label;
  GtkWidget         *next_button;
  GtkLabel          *next_title_label;

  /* The section's cards: how many are learned, kept up to date with the progress store.
   * The pack's learned cards are read once, and again only when progress changes. */
  EntenteProgressStore *store;
  GHashTable        *learned;
  GtkLabel          *cards_label;
  GtkLevelBar       *cards_level;
};

G_DEFINE_FINAL_TYPE (EntenteReadingPane, entente_reading_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pack text is plain: labels get it with gtk_label_set_text(), never as markup. */
static GtkWidget *
text_label (const char *text,
            gboolean    selectable)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

static gboolean
line_is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* A blank line in pack text separates paragraphs: each becomes its own label. */
static void
add_paragraphs (GtkBox     *box,
                const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; ; i++)
    {
      if (lines[i] == NULL || line_is_blank (lines[i]))
        {
          g_strstrip (paragraph->str);
          if (paragraph->str[0] != '\0')
            gtk_box_append (box, text_label (paragraph->str, TRUE));
          g_string_truncate (paragraph, 0);

          if (lines[i] == NULL)
            break;
          continue;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, lines[i]);
    }
}

static char *
format_pages (const char *pages)
{
  g_autoptr(GString) range = NULL;

  if (pages == NULL || pages[0] == '\0')
    return NULL;

  range = g_string_new (pages);
  if (strchr (pages, '-') == NULL && strchr (pages, ',') == NULL)
    {
      /* Translators: where a section stands in the printed text; %s is a page number */
      return g_strdup_printf (_("Page %s"), range->str);
    }

  g_string_replace (range, "-", "–", 0);
  /* Translators: where a section stands in the printed text; %s is a range like 3–4 */
  return g_strdup_printf (_("Pages %s"), range->str);
}

static char *
format_breadcrumb (EntenteSection *section)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (EntenteSection *parent = entente_section_get_parent (section);
       parent != NULL;
       parent = entente_section_get_parent (parent))
    g_ptr_array_insert (titles, 0, (gpointer) entente_section_get_title (parent));

  if (titles->len == 0)
    return NULL;

  g_ptr_array_add (titles, NULL);
  return g_strjoinv (" › ", (char **) titles->pdata);
}

static GtkWidget *
chip_new (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "chip");

  return label;
}

/* A chip that opens something elsewhere in the window: a state on the member map, an
 * event in its timeline. */
static GtkWidget *
link_chip_new (const char *text,
               const char *action_name,
               const char *target,
               const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "link-chip");

  return button;
}

/* The member panel exists only for a pack that lists states: then states and events
 * link to it, and otherwise they are plain chips. */
static gboolean
pack_has_member_panel (EntentePack *pack)
{
  return g_list_model_get_n_items (entente_pack_get_members (pack)) > 0;
}

/* A flow box child is a focus stop of its own; the plain chips are not interactive and the
 * buttons take the focus themselves, so the children stay out of the focus chain. */
static void
flow_box_append (GtkFlowBox *box,
                 GtkWidget  *child)
{
  GtkWidget *flow_child = gtk_flow_box_child_new ();

  /* A line of the flow box shares out its spare width: the chips keep their own size. */
  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (flow_child), child);
  gtk_widget_set_focusable (flow_child, FALSE);
  gtk_flow_box_append (box, flow_child);
}

static GtkWidget *
term_button_new (EntenteTerm *term)
{
  const char * const *aliases = entente_term_get_aliases (term);
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = text_label (entente_term_get_term (term), FALSE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      /* Translators: other names of a glossary term; %s is a list like "A, B" */
      g_autofree char *text = g_strdup_printf (_("Also called %s"), joined);

      label = text_label (text, FALSE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  label = text_label (entente_term_get_definition (term), FALSE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_name (label, "definition");
  gtk_box_append (GTK_BOX (box), label);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  /* A label child rather than gtk_menu_button_set_label(), which adds a drop-down arrow:
   * the button opens a definition, not a menu. */
  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), entente_term_get_term (term));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_tooltip_text (button, _("Show the definition"));

  return button;
}

static GtkWidget *
correction_card_new (EntenteCorrection *correction)
{
  const char *source = entente_correction_get_source (correction);
  GtkWidget *card;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *widget;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "correction");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (card), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  widget = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (widget, "warning");
  gtk_box_append (GTK_BOX (header), widget);
  /* Translators: the title of a box that corrects the text where it is wrong or out of date */
  widget = gtk_label_new (_("Correction"));
  gtk_widget_add_css_class (widget, "heading");
  gtk_box_append (GTK_BOX (header), widget);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (box), header);

  widget = gtk_label_new (_("The text says"));
  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_widget_add_css_class (widget, "caption-heading");
  gtk_widget_add_css_class (widget, "dim-label");
  gtk_box_append (GTK_BOX (box), widget);
  add_paragraphs (GTK_BOX (box), entente_correction_get_claim (correction));

  widget = gtk_label_new (_("The record shows"));
  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_widget_set_margin_top (widget, 12);
  gtk_widget_add_css_class (widget, "caption-heading");
  gtk_widget_add_css_class (widget, "dim-label");
  gtk_box_append (GTK_BOX (box), widget);
  add_paragraphs (GTK_BOX (box), entente_correction_get_correction (correction));

  if (source != NULL && source[0] != '\0')
    {
      /* Translators: where a correction is documented; %s is a citation */
      g_autofree char *text = g_strdup_printf (_("Source: %s"), source);

      widget = text_label (text, TRUE);
      gtk_widget_set_margin_top (widget, 12);
      gtk_widget_add_css_class (widget, "caption");
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_box_append (GTK_BOX (box), widget);
    }

  return card;
}

/* A part of the body: a heading over @content. */
static GtkWidget *
part_new (const char *heading,
          int         spacing,
          GtkWidget  *content)
{
  GtkWidget *part = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
  GtkWidget *label = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  /* The heading is in the interface's language, the content in the pack's. */
  gtk_widget_add_css_class (label, "part-heading");
  gtk_box_append (GTK_BOX (part), label);
  gtk_box_append (GTK_BOX (part), content);

  return part;
}

static GtkWidget *
flow_box_new (guint max_per_line)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), max_per_line);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);

  return box;
}

static GtkWidget *
summary_new (EntenteSection *section)
{
  const char *summary = entente_section_get_summary (section);
  GtkWidget *box;

  if (summary == NULL || line_is_blank (summary))
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  add_paragraphs (GTK_BOX (box), summary);

  return box;
}

static GtkWidget *
points_new (EntenteSection *section)
{
  const char * const *points = entente_section_get_points (section);
  GtkWidget *box;

  if (points[0] == NULL)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  for (guint i = 0; points[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *bullet = gtk_label_new ("•");

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "dim-label");
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), text_label (points[i], TRUE));
      gtk_box_append (GTK_BOX (box), row);
    }

  /* Translators: a heading of the reading pane: the main points of a section of the text */
  return part_new (_("Key Points"), 12, box);
}

static GtkWidget *
corrections_new (EntentePack    *pack,
                 EntenteSection *section)
{
  g_autoptr(GPtrArray) corrections = NULL;
  GtkWidget *box;

  corrections = entente_pack_get_corrections_for_section (pack, entente_section_get_id (section));
  if (corrections->len == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint i = 0; i < corrections->len; i++)
    gtk_box_append (GTK_BOX (box), correction_card_new (g_ptr_array_index (corrections, i)));

  return box;
}

static GtkWidget *
terms_new (EntentePack    *pack,
           EntenteSection *section)
{
  const char * const *terms = entente_section_get_terms (section);
  GtkWidget *box = NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      EntenteTerm *term = entente_pack_lookup_term (pack, terms[i]);

      if (term == NULL)
        continue;

      if (box == NULL)
        box = flow_box_new (12);
      flow_box_append (GTK_FLOW_BOX (box), term_button_new (term));
    }

  /* Translators: a heading of the reading pane: the terms (words defined in a glossary) that a
     section uses */
  return box != NULL ? part_new (_("Terms"), 8, box) : NULL;
}

static GtkWidget *
members_new (EntentePack    *pack,
             EntenteSection *section)
{
  const char * const *members = entente_section_get_members (section);
  GtkWidget *box;

  if (members[0] == NULL)
    return NULL;

  box = flow_box_new (12);
  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *name = entente_pack_get_state_name (pack, members[i]);

      if (entente_pack_lookup_member (pack, members[i]) != NULL)
        flow_box_append (GTK_FLOW_BOX (box),
                         link_chip_new (name, "win.show-member", members[i],
                                        _("Show this state on the member map")));
      else
        flow_box_append (GTK_FLOW_BOX (box), chip_new (name));
    }

  return part_new (_("States"), 8, box);
}

static GtkWidget *
events_new (EntentePack    *pack,
            EntenteSection *section)
{
  const char * const *events = entente_section_get_events (section);
  GtkWidget *box = NULL;

  for (guint i = 0; events[i] != NULL; i++)
    {
      EntenteEvent *event = entente_pack_lookup_event (pack, events[i]);
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (event == NULL)
        continue;

      date = entente_date_format (entente_event_get_date (event));
      /* Translators: a timeline event, "DATE — TITLE", e.g. "15 June 2001 — Shanghai summit" */
      text = g_strdup_printf (_("%s — %s"), date, entente_event_get_title (event));
      if (box == NULL)
        box = flow_box_new (4);
      if (pack_has_member_panel (pack))
        flow_box_append (GTK_FLOW_BOX (box),
                         link_chip_new (text, "win.show-event", events[i],
                                        _("Show this event in the timeline")));
      else
        flow_box_append (GTK_FLOW_BOX (box), chip_new (text));
    }

  /* Translators: a heading of the reading pane: the events of the organisation's history that a
     section tells of */
  return box != NULL ? part_new (_("Events"), 8, box) : NULL;
}

static EntenteProgressStore *
get_store (void)
{
  GApplication *application = g_application_get_default ();

  if (!ENTENTE_IS_APPLICATION (application))
    return NULL;

  return entente_application_get_progress_store (ENTENTE_APPLICATION (application));
}

static void
update_cards_progress (EntenteReadingPane *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *text = NULL;
  guint n_learned = 0;

  if (self->cards_label == NULL || self->section == NULL)
    return;

  ids = entente_review_collect_section_cards (self->pack, entente_section_get_id (self->section));
  if (self->store != NULL && self->learned == NULL)
    self->learned = entente_progress_store_load_learned (self->store, entente_pack_get_id (self->pack), NULL);
  for (guint i = 0; self->learned != NULL && i < ids->len; i++)
    if (g_hash_table_contains (self->learned, ids->pdata[i]))
      n_learned++;

  /* Translators: progress on the cards of a section and its subsections */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u card learned", "%u of %u cards learned",
                                       ids->len),
                          n_learned, ids->len);
  gtk_label_set_text (self->cards_label, text);
  gtk_level_bar_set_max_value (self->cards_level, MAX (ids->len, 1));
  gtk_level_bar_set_value (self->cards_level, n_learned);
}

/* The section's cards (its subsections' too): progress, and a session over them. */
static GtkWidget *
cards_new (EntenteReadingPane *self,
           EntentePack        *pack,
           EntenteSection     *section)
{
  g_autoptr(GPtrArray) ids = entente_review_collect_section_cards (pack, entente_section_get_id (section));
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *level;
  GtkWidget *button;

  if (ids->len == 0)
    return NULL;

  /* One above the other: beside the count, the button's label (which does not wrap)
   * would hold a narrow window open wider than 360 pixels with large text. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  level = gtk_level_bar_new ();
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the name a screen reader gives the bar
                                     showing how many of a section's flashcards are learned */
                                  _("Cards learned"), -1);
  gtk_box_append (GTK_BOX (box), level);

  button = gtk_button_new_with_mnemonic (_("_Quiz Me on This Section"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.quiz-section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entente_section_get_id (section));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (box), button);

  self->cards_label = GTK_LABEL (label);
  self->cards_level = GTK_LEVEL_BAR (level);

  /* Translators: a heading of the reading pane: the section's flashcards */
  return part_new (_("Cards"), 8, box);
}

static void
store_changed_cb (EntenteReadingPane *self,
                  const char         *pack_id)
{
  if (pack_id != NULL && self->pack != NULL && g_strcmp0 (pack_id, entente_pack_get_id (self->pack)) != 0)
    return;

  g_clear_pointer (&self->learned, g_hash_table_unref);
  update_cards_progress (self);
}

static void
append_part (GtkWidget *body,
             GtkWidget *part)
{
  if (part != NULL)
    gtk_box_append (GTK_BOX (body), part);
}

/* The summary, key points, corrections, terms, states and events of @section: built whole
 * before it joins the window, from the parts the section has, with nothing hidden.
 *
 * Parts kept in the window, hidden while empty and filled later, are laid out wrongly by
 * GTK 4.8. A parent asks every child for its request mode (whether its height depends on
 * its width), hidden children too, and the answer is cached; queueing a resize clears that
 * cache, but only when the widget's "resize needed" flag is not set already, and only
 * measuring clears the flag, which never happens to a hidden widget. So a part that was
 * empty when first asked keeps "constant size" once its wrapping labels arrive, is measured
 * as if each label were one line long, and the parts below are drawn over it. That is what
 * happened to the first section shown when a pack arrived in a window already on screen. */
/* The direction of text in the pack's language: a pack in English reads left to right
 * also under an Urdu interface, and a pack in Arabic right to left under a German one. */
static GtkTextDirection
pack_direction (EntentePack *pack)
{
  static const char *rtl[] = { "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd",
                               "syr", "ug", "ur", "yi", NULL };
  const char *language = entente_pack_get_language (pack);
  g_autofree char *primary = NULL;

  if (language == NULL)
    return gtk_widget_get_default_direction ();

  primary = g_ascii_strdown (language, strcspn (language, "-_"));
  return g_strv_contains (rtl, primary) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

/* GTK 4 does not inherit a direction: each widget of the content is given it. */
static void
set_content_direction (GtkWidget        *widget,
                       GtkTextDirection  direction)
{
  if (gtk_widget_has_css_class (widget, "part-heading"))
    return;

  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_content_direction (child, direction);
}

static GtkWidget *
build_body (EntenteReadingPane *self,
            EntentePack        *pack,
            EntenteSection     *section)
{
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->cards_label = NULL;
  self->cards_level = NULL;

  append_part (body, summary_new (section));
  append_part (body, points_new (section));
  append_part (body, corrections_new (pack, section));
  append_part (body, terms_new (pack, section));
  append_part (body, members_new (pack, section));
  append_part (body, events_new (pack, section));
  append_part (body, cards_new (self, pack, section));

  /* Only when the pack reads otherwise than the interface, which is rare. */
  if (pack_direction (pack) != gtk_widget_get_default_direction ())
    set_content_direction (body, pack_direction (pack));

  return body;
}

static void
set_body (EntenteReadingPane *self,
          GtkWidget          *body)
{
  if (self->body != NULL)
    gtk_box_remove (self->column, self->body);

  self->body = body;

  if (body != NULL)
    gtk_box_insert_child_after (self->column, body, self->header_box);
}

static void
update_neighbour (GtkWidget      *button,
                  GtkLabel       *title_label,
                  EntenteSection *section)
{
  gtk_widget_set_visible (button, section != NULL);
  gtk_label_set_text (title_label, section != NULL ? entente_section_get_title (section) : "");
  gtk_widget_set_tooltip_text (button,
                               section != NULL ? entente_section_get_title (section) : NULL);
}

static void
clear (EntenteReadingPane *self)
{
  gtk_label_set_text (self->breadcrumb_label, "");
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->pages_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->breadcrumb_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_label), FALSE);
  set_body (self, NULL);
  self->cards_label = NULL;
  self->cards_level = NULL;
  update_neighbour (self->previous_button, self->previous_title_label, NULL);
  update_neighbour (self->next_button, self->next_title_label, NULL);
}

void
entente_reading_pane_show (EntenteReadingPane *self,
                           EntenteSection     *section,
                           EntenteSection     *previous,
                           EntenteSection     *next)
{
  g_autofree char *breadcrumb = NULL;
  g_autofree char *pages = NULL;

  g_return_if_fail (ENTENTE_IS_READING_PANE (self));
  g_return_if_fail (section == NULL || ENTENTE_IS_SECTION (section));

  if (g_set_object (&self->section, section))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);

  if (section == NULL || self->pack == NULL)
    {
      clear (self);
      return;
    }

  breadcrumb = format_breadcrumb (section);
  gtk_label_set_text (self->breadcrumb_label, breadcrumb != NULL ? breadcrumb : "");
  gtk_widget_set_visible (GTK_WIDGET (self->breadcrumb_label), breadcrumb != NULL);

  gtk_label_set_text (self->title_label, entente_section_get_title (section));
  gtk_widget_set_direction (GTK_WIDGET (self->title_label), pack_direction (self->pack));
  gtk_widget_set_direction (GTK_WIDGET (self->breadcrumb_label), pack_direction (self->pack));

  pages = format_pages (entente_section_get_pages (section));
  gtk_label_set_text (self->pages_label, pages != NULL ? pages : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pages_label), pages != NULL);

  if (self->store == NULL && (self->store = get_store ()) != NULL)
    {
      g_object_ref (self->store);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  set_body (self, build_body (self, self->pack, section));
  update_cards_progress (self);

  update_neighbour (self->previous_button, self->previous_title_label, previous);
  update_neighbour (self->next_button, self->next_title_label, next);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
entente_reading_pane_dispose (GObject *object)
{
  EntenteReadingPane *self = (EntenteReadingPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_READING_PANE);

  g_clear_object (&self->section);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_pointer (&self->learned, g_hash_table_unref);
  self->cards_label = NULL;
  self->cards_level = NULL;

  G_OBJECT_CLASS (entente_reading_pane_parent_class)->dispose (object);
}

static void
entente_reading_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntenteReadingPane *self = ENTENTE_READING_PANE (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_reading_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EntenteReadingPane *self = ENTENTE_READING_PANE (object);

  switch (prop_id)
    {
    case PROP_PACK:
      entente_reading_pane_set_pack (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_reading_pane_class_init (EntenteReadingPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_reading_pane_dispose;
  object_class->get_property = entente_reading_pane_get_property;
  object_class->set_property = entente_reading_pane_set_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         ENTENTE_TYPE_PACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         ENTENTE_TYPE_SECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/entente-reading-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, column);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, header_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, breadcrumb_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, pages_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, previous_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, previous_title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, next_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteReadingPane, next_title_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readingpane");
}

static void
entente_reading_pane_init (EntenteReadingPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  clear (self);
}

GtkWidget *
entente_reading_pane_new (void)
{
  return g_object_new (ENTENTE_TYPE_READING_PANE, NULL);
}

EntentePack *
entente_reading_pane_get_pack (EntenteReadingPane *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_PANE (self), NULL);

  return self->pack;
}

void
entente_reading_pane_set_pack (EntenteReadingPane *self,
                               EntentePack        *pack)
{
  g_return_if_fail (ENTENTE_IS_READING_PANE (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  g_clear_pointer (&self->learned, g_hash_table_unref);
  entente_reading_pane_show (self, NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

EntenteSection *
entente_reading_pane_get_section (EntenteReadingPane *self)
{
  g_return_val_if_fail (ENTENTE_IS_READING_PANE (self), NULL);

  return self->section;
}
