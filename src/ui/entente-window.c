/* entente-window.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-exam-page.h"
#include "entente-members-page.h"
#include "entente-review-page.h"
#include "entente-stats-page.h"
#include "entente-pack-loader.h"
#include "entente-window.h"

/* How many problems of a refused pack the dialog lists before "… and N more". */
#define MAX_PROBLEMS_SHOWN 10

struct _EntenteWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GtkSpinner           *header_spinner;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *view_stack;
  EntenteOutlineView   *outline_view;
  AdwViewStackPage     *members_stack_page;
  EntenteMembersPage   *members_page;
  AdwViewStackPage     *review_stack_page;
  EntenteReviewPage    *review_page;
  AdwViewStackPage     *exam_stack_page;
  EntenteExamPage      *exam_page;
  AdwViewStackPage     *stats_stack_page;
  EntenteStatsPage     *stats_page;
  gboolean              store_asked;
  /* The Practice page is given its pack when it is first shown, not at start-up:
   * TRUE once it has one. */
  gboolean              exam_page_has_pack;
  AdwToast             *progress_toast; /* weak: the last toast about progress */
  AdwViewSwitcherBar   *switcher_bar;

  GSettings            *settings;
  EntentePack          *pack;
  GCancellable         *load_cancellable;
  GtkNativeDialog      *file_chooser;

  /* While a pack is being shown, the outline announces its first section: that is not
   * the reader's choice and must not overwrite the section saved for the pack. */
  gboolean              restoring_section;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (EntenteWindow, entente_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PACK,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  OPEN_INTERACTIVE, /* the reader asked for this file: a refusal gets a dialog */
  OPEN_RESTORE,     /* reopening the last pack on start: a refusal falls back with a toast */
} OpenMode;

typedef struct
{
  EntenteWindow *self;
  GFile         *file;
  GCancellable  *cancellable;
  OpenMode       mode;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static char *
get_file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

static char *
join_author_names (GListModel *authors)
{
  guint n_authors = g_list_model_get_n_items (authors);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < n_authors; i++)
    {
      g_autoptr(EntenteAuthor) author = g_list_model_get_item (authors, i);
      const char *name = entente_author_get_name (author);
      char *next;

      if (joined == NULL)
        next = g_strdup (name);
      else if (i + 1 == n_authors)
        /* Translators: joins the last two names in a list of authors, as in
         * "Jamshed Khan and Razia Sultana" */
        next = g_strdup_printf (_("%s and %s"), joined, name);
      else
        /* Translators: joins two names in a list of more than two authors, as in
         * "Ada Lovelace, Charles Babbage and …" */
        next = g_strdup_printf (_("%s, %s"), joined, name);

      g_free (joined);
      joined = next;
    }

  return g_steal_pointer (&joined);
}

static void
entente_window_update_titles (EntenteWindow *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = _("Entente");

  if (self->pack != NULL)
    {
      EntenteOrganization *organization = entente_pack_get_organization (self->pack);

      title = entente_pack_get_title (self->pack);

      if (organization != NULL && entente_organization_get_short_name (organization) != NULL)
        subtitle = g_strdup (entente_organization_get_short_name (organization));
      else
        subtitle = join_author_names (entente_pack_get_authors (self->pack));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static char *
lookup_last_section (EntenteWindow *self,
                     const char    *pack_id)
{
  g_autoptr(GVariant) sections = g_settings_get_value (self->settings, "last-section");
  char *section_id = NULL;

  if (g_variant_lookup (sections, pack_id, "s", &section_id))
    return section_id;

  return NULL;
}

static void
save_last_section (EntenteWindow *self,
                   const char    *pack_id,
                   const char    *section_id)
{
  g_autoptr(GVariant) sections = g_settings_get_value (self->settings, "last-section");
  g_autofree char *saved = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;

  if (g_variant_lookup (sections, pack_id, "s", &saved) && g_strcmp0 (saved, section_id) == 0)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, sections);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      if (g_strcmp0 (key, pack_id) != 0)
        g_variant_builder_add (&builder, "{ss}", key, value);
    }
  g_variant_builder_add (&builder, "{ss}", pack_id, section_id);

  g_settings_set_value (self->settings, "last-section", g_variant_builder_end (&builder));
}

static void
outline_section_changed_cb (EntenteWindow      *self,
                            GParamSpec         *pspec,
                            EntenteOutlineView *outline_view)
{
  const char *section_id;

  if (self->restoring_section || self->pack == NULL)
    return;

  section_id = entente_outline_view_get_section_id (outline_view);
  if (section_id != NULL)
    save_last_section (self, entente_pack_get_id (self->pack), section_id);
}

static void
entente_window_set_loading (EntenteWindow *self,
                            gboolean       loading)
{
  /* With a pack on show, it stays readable while the next one loads: only the header
   * tells that something is happening. Without one, the whole window does. */
  gtk_widget_set_visible (GTK_WIDGET (self->header_spinner), loading && self->pack != NULL);
  gtk_spinner_set_spinning (self->header_spinner, loading && self->pack != NULL);
  gtk_spinner_set_spinning (self->loading_spinner, loading && self->pack == NULL);

  if (loading && self->pack == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");

  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static gboolean
is_showing_page (EntenteWindow *self,
                 const char    *name)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), name) == 0;
}

static void
give_exam_page_pack (EntenteWindow *self)
{
  gboolean has_cards = self->pack != NULL &&
                       g_list_model_get_n_items (entente_pack_get_cards (self->pack)) > 0;

  entente_exam_page_set_pack (self->exam_page, has_cards ? self->pack : NULL);
  self->exam_page_has_pack = has_cards;
}

static void
visible_page_changed_cb (EntenteWindow *self)
{
  if (!self->exam_page_has_pack && self->pack != NULL && is_showing_page (self, "practice"))
    give_exam_page_pack (self);
}

static void
entente_window_set_pack (EntenteWindow *self,
                         EntentePack   *pack)
{
  g_autofree char *last_section = NULL;
  g_autofree char *location = NULL;
  gboolean has_members;
  gboolean has_cards;
  GFile *file;

  g_assert (ENTENTE_IS_PACK (pack));

  file = entente_pack_get_file (pack);
  if (file != NULL)
    {
      location = g_file_get_path (file);
      if (location == NULL)
        location = g_file_get_uri (file);
    }
  g_settings_set_string (self->settings, "last-pack", location != NULL ? location : "");

  if (self->pack == pack)
    return;

  g_set_object (&self->pack, pack);
  entente_window_update_titles (self);

  last_section = lookup_last_section (self, entente_pack_get_id (pack));

  /* The outline lays its pack out shown, not in a hidden page. */
  gtk_stack_set_visible_child_name (self->main_stack, "content");

  self->restoring_section = TRUE;
  entente_outline_view_set_pack (self->outline_view, pack);
  if (last_section != NULL)
    entente_outline_view_set_section_id (self->outline_view, last_section);
  self->restoring_section = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);

  /* The members page is there only for a pack that lists states. */
  has_members = g_list_model_get_n_items (entente_pack_get_members (pack)) > 0;
  entente_members_page_set_pack (self->members_page, has_members ? pack : NULL);
  adw_view_stack_page_set_visible (self->members_stack_page, has_members);
  if (!has_members)
    adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-member", has_members);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-event", has_members);

  /* The Review page is there only for a pack with cards. Progress is opened the first time
   * a pack is shown; what happened to a damaged database is told once. */
  if (!self->store_asked)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      self->store_asked = TRUE;
      if (ENTENTE_IS_APPLICATION (application))
        {
          EntenteApplication *app = ENTENTE_APPLICATION (application);
          g_autofree char *notice = NULL;

          entente_review_page_set_store (self->review_page, entente_application_get_progress_store (app));
          entente_stats_page_set_store (self->stats_page, entente_application_get_progress_store (app));
          entente_exam_page_set_store (self->exam_page, entente_application_get_progress_store (app));
          notice = entente_application_take_progress_notice (app);
          if (notice != NULL)
            {
              g_autofree char *escaped = g_markup_escape_text (notice, -1);
              AdwToast *toast = adw_toast_new (escaped);

              adw_toast_set_timeout (toast, 0);
              adw_toast_overlay_add_toast (self->toast_overlay, toast);
            }
        }
    }
  has_cards = g_list_model_get_n_items (entente_pack_get_cards (pack)) > 0;
  entente_review_page_set_pack (self->review_page, has_cards ? pack : NULL);
  adw_view_stack_page_set_visible (self->review_stack_page, has_cards);
  entente_stats_page_set_pack (self->stats_page, has_cards ? pack : NULL);
  if (self->exam_page_has_pack || is_showing_page (self, "practice"))
    give_exam_page_pack (self);
  adw_view_stack_page_set_visible (self->exam_stack_page, has_cards);
  adw_view_stack_page_set_visible (self->stats_stack_page, has_cards);
  if (!has_cards && (is_showing_page (self, "review") || is_showing_page (self, "statistics") ||
                     is_showing_page (self, "practice")))
    adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quiz-section", has_cards);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

static void
entente_window_show_error_page (EntenteWindow *self,
                                const char    *message)
{
  adw_status_page_set_title (self->error_page, _("No Pack Open"));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
entente_window_open_builtin_pack (EntenteWindow *self)
{
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ENTENTE_IS_WINDOW (self));

  /* A load that is still running would replace the pack asked for now. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_weak_pointer (&self->progress_toast);

  pack = entente_pack_load_builtin (&error);

  if (pack == NULL)
    {
      g_warning ("The built-in pack could not be loaded: %s", error->message);
      entente_window_set_loading (self, FALSE);
      if (self->pack == NULL)
        entente_window_show_error_page (self, error->message);
      return;
    }

  entente_window_set_pack (self, pack);
  entente_window_set_loading (self, FALSE);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "selectable", TRUE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   /* As wide as the dialog allows: a wider natural width
                                    * would make the list ask for too little height. */
                                   "max-width-chars", 30,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_problem_row (const EntenteProblem *problem)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 3,
                                 NULL);
  GtkWidget *row;

  gtk_widget_add_css_class (box, "problem");

  /* The path says where to look in the file, the message what is wrong there. */
  if (problem->path != NULL && problem->path[0] != '\0')
    {
      g_autofree char *where = NULL;

      if (problem->line > 0)
        /* Translators: where a problem is in a pack file: a JSON path, a line and a
         * column, as in "outline[2].title, line 14, column 7" */
        where = g_strdup_printf (_("%s, line %d, column %d"),
                                 problem->path, problem->line, problem->column);
      else
        where = g_strdup (problem->path);

      gtk_box_append (GTK_BOX (box), create_label (where, "problem-path"));
    }
  else if (problem->line > 0)
    {
      /* Translators: where a problem is in a pack file, as in "line 14, column 7" */
      g_autofree char *where = g_strdup_printf (_("line %d, column %d"),
                                                problem->line, problem->column);

      gtk_box_append (GTK_BOX (box), create_label (where, "problem-path"));
    }

  gtk_box_append (GTK_BOX (box), create_label (problem->message, NULL));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static GtkWidget *
create_problems_view (EntenteReport *report)
{
  guint n_errors = entente_report_get_n_errors (report);
  guint n_shown = MIN (n_errors, MAX_PROBLEMS_SHOWN);
  GtkWidget *scrolled;
  GtkWidget *list;

  list = g_object_new (GTK_TYPE_LIST_BOX,
                       "selection-mode", GTK_SELECTION_NONE,
                       NULL);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  /* Translators: the name a screen reader gives the list of
                                     problems found in a pack that could not be opened */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  -1);

  for (guint i = 0; i < n_shown; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_problem_row (entente_report_get_error (report, i)));

  if (n_errors > n_shown || entente_report_get_truncated (report))
    {
      guint n_more = n_errors - n_shown;
      g_autofree char *more = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (entente_report_get_truncated (report))
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: ends the list of problems of a
                                              * refused pack when only the first ones were
                                              * counted; %u is a number */
                                             "… and more than %u more",
                                             "… and more than %u more",
                                             n_more),
                                n_more);
      else
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: ends the list of problems of a
                                              * refused pack; %u is the number of problems
                                              * not listed */
                                             "… and %u more",
                                             "… and %u more",
                                             n_more),
                                n_more);

      label = create_label (more, "dim-label");
      gtk_widget_add_css_class (label, "problem-more");
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", list,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 280,
                           NULL);
  gtk_widget_add_css_class (scrolled, "problems-view");

  return scrolled;
}

/* Whether the report says more than the error's message: a single problem about the
 * whole file (it does not exist, it is too large) is what the message already says. */
static gboolean
report_has_details (EntenteReport *report)
{
  const EntenteProblem *problem;

  if (report == NULL || entente_report_get_n_errors (report) == 0)
    return FALSE;
  if (entente_report_get_n_errors (report) > 1)
    return TRUE;

  problem = entente_report_get_error (report, 0);
  return (problem->path != NULL && problem->path[0] != '\0') || problem->line > 0;
}

static void
entente_window_show_refusal (EntenteWindow *self,
                             GFile         *file,
                             const GError  *error,
                             EntenteReport *report)
{
  g_autofree char *name = get_file_display_name (file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  /* Translators: the heading of the dialog shown when a pack file is refused;
   * %s is the file's name */
  adw_message_dialog_format_heading (dialog, _("Could Not Open “%s”"), name);
  adw_message_dialog_set_body (dialog, error->message);

  if (report_has_details (report))
    adw_message_dialog_set_extra_child (dialog, create_problems_view (report));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
entente_window_show_restore_failure (EntenteWindow *self,
                                     GFile         *file)
{
  g_autofree char *name = get_file_display_name (file);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!g_file_query_exists (file, NULL))
    /* Translators: shown on start when the pack that was open last has been moved or
     * deleted; %s is its file name */
    title = g_strdup_printf (_("“%s” is gone: the built-in pack is open instead"), name);
  else
    /* Translators: shown on start when the pack that was open last can no longer be
     * opened; %s is its file name */
    title = g_strdup_printf (_("Could not open “%s”: the built-in pack is open instead"), name);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
entente_window_load_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;
  EntenteWindow *self = data->self;

  pack = entente_pack_load_file_finish (result, &report, &error);

  /* A newer load, or the window closing, took over. */
  if (data->cancellable != self->load_cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);

  if (pack != NULL)
    {
      entente_window_set_pack (self, pack);
      entente_window_set_loading (self, FALSE);
      return;
    }

  if (data->mode == OPEN_RESTORE)
    {
      entente_window_open_builtin_pack (self);
      entente_window_show_restore_failure (self, data->file);
      return;
    }

  if (self->pack == NULL)
    entente_window_open_builtin_pack (self);
  else
    entente_window_set_loading (self, FALSE);

  entente_window_show_refusal (self, data->file, error, report);
}

static void
entente_window_load (EntenteWindow *self,
                     GFile         *file,
                     OpenMode       mode)
{
  LoadData *data;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);
  data->mode = mode;

  entente_window_set_loading (self, TRUE);
  entente_pack_load_file_async (file, self->load_cancellable, entente_window_load_cb, data);
}

void
entente_window_open_file (EntenteWindow *self,
                          GFile         *file)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  entente_window_load (self, file, OPEN_INTERACTIVE);
}

void
entente_window_open_last_pack (EntenteWindow *self)
{
  g_autofree char *location = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (ENTENTE_IS_WINDOW (self));

  location = g_settings_get_string (self->settings, "last-pack");
  if (location[0] == '\0')
    {
      entente_window_open_builtin_pack (self);
      return;
    }

  file = g_file_new_for_commandline_arg (location);
  entente_window_load (self, file, OPEN_RESTORE);
}

static void
file_chooser_response_cb (EntenteWindow  *self,
                          int             response,
                          GtkNativeDialog *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        entente_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_clear_object (&self->file_chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  /* Translators: the title of the file chooser for a study pack ("open" is a verb) */
  native = gtk_file_chooser_native_new (_("Open Pack"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: a file type in the file chooser: study packs, the JSON files Entente opens
     ("study" is a noun here) */
  gtk_file_filter_set_name (packs, _("Study Packs"));
  gtk_file_filter_add_mime_type (packs, "application/json");
  gtk_file_filter_add_suffix (packs, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), packs);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), packs);

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response",
                           G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  entente_outline_view_start_search (self->outline_view);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);
  GtkWidget *focus;

  if (child == NULL || !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack,
                                                                                  child)))
    return;

  adw_view_stack_set_visible_child (self->view_stack, child);

  /* Alt+number is a keyboard user's way to a page: the focus follows, to the control
   * the page offers (Start Review) or its first one, so that Enter or Space acts on the
   * page and not on whatever was focused before (the header bar's Open button, say). */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if ((focus == NULL || !gtk_widget_is_ancestor (focus, child)) && !gtk_widget_grab_focus (child))
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
show_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (!adw_view_stack_page_get_visible (self->members_stack_page))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  entente_members_page_set_selected_code (self->members_page,
                                          g_variant_get_string (parameter, NULL));
  entente_members_page_show_details (self->members_page);
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (!adw_view_stack_page_get_visible (self->members_stack_page))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  entente_members_page_show_event (self->members_page, g_variant_get_string (parameter, NULL));
}

/* A new toast about progress replaces the text of the one before while it shows: it is
 * news about the same thing. (Dismissing it instead crashes libadwaita 1.2 when its hide
 * animation ends.) */
static void
show_toast (EntenteWindow *self,
            const char    *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  /* A toast's title is markup. */
  if (self->progress_toast != NULL)
    {
      adw_toast_set_title (self->progress_toast, escaped);
      return;
    }

  toast = adw_toast_new (escaped);
  g_set_weak_pointer (&self->progress_toast, toast);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static EntenteProgressStore *
get_progress_store (EntenteWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!ENTENTE_IS_APPLICATION (application))
    return NULL;

  return entente_application_get_progress_store (ENTENTE_APPLICATION (application));
}

gboolean
entente_window_export_progress (EntenteWindow *self,
                                GFile         *file)
{
  EntenteProgressStore *store = get_progress_store (self);
  g_autofree char *name = get_file_display_name (file);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  if (store == NULL)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Could not export progress to “%s”: there is no progress to export"), name);
  else if (!entente_progress_store_export (store, file, NULL, &error))
    /* Translators: the first %s is a file name, the second why it failed */
    title = g_strdup_printf (_("Could not export progress to “%s”: %s"), name, error->message);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Progress exported to “%s”"), name);

  show_toast (self, title);
  return store != NULL && error == NULL;
}

gboolean
entente_window_import_progress (EntenteWindow *self,
                                GFile         *file)
{
  EntenteProgressStore *store = get_progress_store (self);
  g_autofree char *name = get_file_display_name (file);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  if (store == NULL)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Could not import “%s”: progress cannot be saved"), name);
  else if (!entente_progress_store_import (store, file, NULL, &n_added, &error))
    /* Translators: %s says which file could not be imported and why */
    title = g_strdup_printf (_("%s. Nothing was changed."), error->message);
  else if (n_added == 0)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” holds no reviews that are not here already"), name);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u is a number of reviews, %s a file name */
                                          "%u review imported from “%s”",
                                          "%u reviews imported from “%s”", n_added),
                             n_added, name);

  show_toast (self, title);
  return store != NULL && error == NULL;
}

static void
progress_chooser_response_cb (GtkNativeDialog *native,
                              int              response,
                              EntenteWindow   *self)
{
  gboolean export = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "export"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        {
          if (export)
            entente_window_export_progress (self, file);
          else
            entente_window_import_progress (self, file);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
progress_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  gboolean export = g_str_equal (action_name, "win.export-progress");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (export ? _("Export Progress") : _("Import Progress"),
                                        GTK_WINDOW (self),
                                        export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        export ? _("_Export") : _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: a file type in the file chooser: files of exported study progress */
  gtk_file_filter_set_name (filter, _("Progress Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (export)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      /* Translators: the suggested name of an export of progress; %s is today's date */
      g_autofree char *name = g_strdup_printf (_("entente-progress-%s.json"), date);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_object_set_data (G_OBJECT (native), "export", GINT_TO_POINTER (export));
  g_signal_connect_object (native, "response", G_CALLBACK (progress_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
quiz_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (!adw_view_stack_page_get_visible (self->review_stack_page))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "review");
  entente_review_page_start_section (self->review_page, g_variant_get_string (parameter, NULL));
}

static void
members_show_section_cb (EntenteWindow      *self,
                         const char         *section_id,
                         EntenteMembersPage *members_page)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "outline");
  entente_outline_view_set_section_id (self->outline_view, section_id);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *developers[] = { "The Entente developers", NULL };
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self,
                        "destroy-with-parent", TRUE,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Entente"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Entente developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Entente developers",
                        "website", "https://github.com/entente-app/entente",
                        "issue-url", "https://github.com/entente-app/entente/issues",
                        NULL);

  /* Translators: replace "translator-credits" with your names, one name per line */
  if (g_strcmp0 (_("translator-credits"), "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));

  if (self->pack != NULL)
    {
      GListModel *authors = entente_pack_get_authors (self->pack);
      guint n_authors = g_list_model_get_n_items (authors);

      if (n_authors > 0)
        {
          g_autofree const char **names = g_new0 (const char *, n_authors + 1);
          g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
          g_autofree char *heading = NULL;

          for (guint i = 0; i < n_authors; i++)
            {
              EntenteAuthor *author = g_list_model_get_item (authors, i);

              g_ptr_array_add (keep, author);
              names[i] = entente_author_get_name (author);
            }

          /* Translators: heading of the credits for the authors of the study text that
           * the open pack is about; %s is the text's title */
          heading = g_strdup_printf (_("Authors of “%s”"), entente_pack_get_title (self->pack));
          adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), heading, names);
        }
    }

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "Natural Earth",
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Map data made with Natural Earth, in the public domain."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "world-atlas",
                                      "Copyright 2013–2019 Michael Bostock",
                                      GTK_LICENSE_CUSTOM,
                                      _("Country shapes from world-atlas, under the ISC license."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      "iso-codes",
                                      NULL,
                                      GTK_LICENSE_LGPL_2_1,
                                      NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static gboolean
drop_cb (EntenteWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GSList) files = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      entente_window_open_file (self, g_value_get_object (value));
      return TRUE;
    }

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  /* One window shows one pack: the first file dropped is the one opened. */
  entente_window_open_file (self, G_FILE (files->data));

  return TRUE;
}

static gboolean
entente_window_close_request (GtkWindow *window)
{
  EntenteWindow *self = ENTENTE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (entente_window_parent_class)->close_request (window);
}

static void
entente_window_dispose (GObject *object)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_WINDOW);

  g_clear_object (&self->pack);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (entente_window_parent_class)->dispose (object);
}

static void
entente_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, entente_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_window_class_init (EntenteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = entente_window_dispose;
  object_class->get_property = entente_window_get_property;

  window_class->close_request = entente_window_close_request;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         ENTENTE_TYPE_PACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENTENTE_TYPE_OUTLINE_VIEW);
  g_type_ensure (ENTENTE_TYPE_MEMBERS_PAGE);
  g_type_ensure (ENTENTE_TYPE_REVIEW_PAGE);
  g_type_ensure (ENTENTE_TYPE_EXAM_PAGE);
  g_type_ensure (ENTENTE_TYPE_STATS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/entente-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, header_spinner);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, members_stack_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, members_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, review_stack_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, exam_stack_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, exam_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, stats_stack_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, stats_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-member", "s", show_member_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "s", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.quiz-section", "s", quiz_section_action);
  gtk_widget_class_install_action (widget_class, "win.export-progress", NULL, progress_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-progress", NULL, progress_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "outline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "review");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "practice");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "statistics");
}

static void
entente_window_init (EntenteWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#ifdef ENTENTE_DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* A GtkMenuButton of GTK 4.8 does not pass its name on to the button inside it, which
   * is what assistive technologies reach. */
  if (GTK_IS_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (self->primary_menu_button))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->primary_menu_button))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);

  g_signal_connect_object (self->outline_view, "notify::section-id",
                           G_CALLBACK (outline_section_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->members_page, "show-section",
                           G_CALLBACK (members_show_section_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->review_page, "n-today", self->review_stack_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->exam_page, "show-section",
                           G_CALLBACK (members_show_section_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stats_page, "show-section",
                           G_CALLBACK (members_show_section_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "show-section",
                           G_CALLBACK (members_show_section_cb), self,
                           G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-member", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quiz-section", FALSE);
}

EntenteWindow *
entente_window_new (EntenteApplication *application)
{
  g_return_val_if_fail (ENTENTE_IS_APPLICATION (application), NULL);

  return g_object_new (ENTENTE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

EntentePack *
entente_window_get_pack (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->pack;
}

gboolean
entente_window_get_loading (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  return self->loading;
}

EntenteOutlineView *
entente_window_get_outline_view (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->outline_view;
}

EntenteExamPage *
entente_window_get_exam_page (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->exam_page;
}

EntenteStatsPage *
entente_window_get_stats_page (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->stats_page;
}

EntenteReviewPage *
entente_window_get_review_page (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->review_page;
}

EntenteMembersPage *
entente_window_get_members_page (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->members_page;
}
