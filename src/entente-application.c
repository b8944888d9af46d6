/* entente-application.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "entente-application.h"
#include "entente-guide-window.h"
#include "entente-preferences.h"
#include "entente-progress-store.h"
#include "entente-validate.h"
#include "entente-window.h"

struct _EntenteApplication
{
  AdwApplication   parent_instance;

  /* The command line while local_command_line runs: GApplication has parsed the options
   * out of it by the time handle-local-options is emitted, leaving the file arguments. */
  char          ***arguments;

  /* When the application object was made: the fallback start time for
   * ENTENTE_BENCH_EXIT_ON_MAP when /proc cannot tell the process's own. */
  gint64           created_usec;

  /* The learner's progress. Opening it (an integrity check, perhaps a migration or a
   * new database, each synced to disk) starts in a thread when the first window is
   * made; the first caller of get_progress_store() waits for it. */
  GThread              *progress_thread;
  EntenteProgressStore *progress_store;
  char                 *progress_notice;
  gboolean              progress_tried;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (EntenteApplication, entente_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the pack files given as arguments and report their problems, "
       "without opening a window"),
    NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --validate, write one JSON object per file"),
    NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"),
    NULL },
  { NULL }
};

/* Microseconds since this process started, from its start time in /proc (in clock ticks
 * since boot) and CLOCK_BOOTTIME; -1 when either is not available. */
static gint64
get_usec_since_process_start (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  struct timespec now;
  const char *after_command;
  guint64 start_ticks;
  long ticks_per_second;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;

  /* The command name is in parentheses and may contain spaces: fields count from the
   * last ')'. After it come field 3 (state) onwards; the start time is field 22. */
  after_command = strrchr (stat, ')');
  if (after_command == NULL)
    return -1;
  fields = g_strsplit (after_command + 2, " ", 0);
  if (g_strv_length (fields) < 20)
    return -1;
  start_ticks = g_ascii_strtoull (fields[19], NULL, 10);

  ticks_per_second = sysconf (_SC_CLK_TCK);
  if (ticks_per_second <= 0 || clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000 -
         (gint64) (start_ticks * G_USEC_PER_SEC / (guint64) ticks_per_second);
}

static void
bench_window_mapped_cb (EntenteApplication *self,
                        GtkWidget          *window)
{
  gint64 usec = get_usec_since_process_start ();

  if (usec < 0)
    usec = g_get_monotonic_time () - self->created_usec;

  g_print ("mapped %" G_GINT64_FORMAT "\n", usec);
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
}

typedef struct
{
  EntenteProgressStore *store;
  GError               *error;
} OpenedStore;

static gpointer
open_progress_store_thread (gpointer data)
{
  g_autofree char *path = entente_progress_store_get_default_path ();
  OpenedStore *opened = g_new0 (OpenedStore, 1);

  opened->store = entente_progress_store_open (path, &opened->error);

  return opened;
}

/* Takes the store the start-up thread opened, or opens it here when there was no thread. */
static void
finish_opening_progress_store (EntenteApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->progress_tried)
    return;
  self->progress_tried = TRUE;

  if (self->progress_thread != NULL)
    {
      OpenedStore *opened = g_thread_join (g_steal_pointer (&self->progress_thread));

      self->progress_store = opened->store;
      error = opened->error;
      g_free (opened);
    }
  else
    {
      g_autofree char *path = entente_progress_store_get_default_path ();

      self->progress_store = entente_progress_store_open (path, &error);
    }

  if (self->progress_store == NULL)
    /* Translators: %s is why the database could not be opened */
    self->progress_notice = g_strdup_printf (_("Progress cannot be saved: %s"), error->message);
  else if (entente_progress_store_get_notice (self->progress_store) != NULL)
    self->progress_notice = g_strdup (entente_progress_store_get_notice (self->progress_store));
}

static EntenteWindow *
entente_application_create_window (EntenteApplication *self)
{
  EntenteWindow *window;

  /* Progress is opened beside building the window and loading the pack, which will
   * ask for it. */
  if (!self->progress_tried && self->progress_thread == NULL)
    self->progress_thread = g_thread_new ("entente-open-progress", open_progress_store_thread, NULL);

  window = entente_window_new (self);

  if (g_strcmp0 (g_getenv ("ENTENTE_BENCH_EXIT_ON_MAP"), "1") == 0)
    g_signal_connect_object (window, "map",
                             G_CALLBACK (bench_window_mapped_cb), self,
                             G_CONNECT_SWAPPED);

  return window;
}

static void
entente_application_activate (GApplication *application)
{
  EntenteApplication *self = ENTENTE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (entente_application_create_window (self));
      entente_window_open_last_pack (ENTENTE_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
entente_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  EntenteApplication *self = ENTENTE_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The first file replaces the pack of the window in front, or opens the first window;
   * each further file gets a window of its own. */
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = active;

      if (i > 0 || window == NULL)
        window = GTK_WINDOW (entente_application_create_window (self));

      entente_window_open_file (ENTENTE_WINDOW (window), files[i]);
      gtk_window_present (window);
    }
}

static int
entente_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  EntenteApplication *self = ENTENTE_APPLICATION (application);
  gboolean validate = FALSE;
  gboolean json = FALSE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "entente", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "validate", "b", &validate);
  g_variant_dict_lookup (options, "json", "b", &json);

  if (validate)
    {
      static const char * const no_files[] = { NULL };
      const char * const *files = no_files;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status;

      if (self->arguments != NULL && *self->arguments != NULL && (*self->arguments)[0] != NULL)
        files = (const char * const *) *self->arguments + 1;

      status = entente_validate_run (files, json, out, err);

      fwrite (out->str, 1, out->len, stdout);
      fflush (stdout);
      fwrite (err->str, 1, err->len, stderr);
      fflush (stderr);

      return status;
    }

  if (json)
    {
      g_printerr ("%s\n", _("--json can only be used with --validate"));
      return ENTENTE_VALIDATE_EXIT_USAGE;
    }

  return -1;
}

static gboolean
entente_application_local_command_line (GApplication   *application,
                                        char         ***arguments,
                                        int            *exit_status)
{
  EntenteApplication *self = ENTENTE_APPLICATION (application);
  GApplicationClass *parent_class = G_APPLICATION_CLASS (entente_application_parent_class);
  gboolean handled;

  self->arguments = arguments;
  handled = parent_class->local_command_line (application, arguments, exit_status);
  self->arguments = NULL;

  return handled;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EntenteApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing rather than quitting outright lets each window save its state; the
   * application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EntenteApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (entente_preferences_new (parent)));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EntenteApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (entente_guide_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "help", .activate = help_action },
};

/* The style preference: follow the system, or always light or dark. */
static void
apply_style (EntenteApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *style = g_settings_get_string (self->settings, "style");

  if (g_str_equal (style, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (style, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
entente_application_startup (GApplication *application)
{
  EntenteApplication *self = ENTENTE_APPLICATION (application);
  GtkApplication *gtk_application = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (entente_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (gtk_application, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_application, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_application, "app.help",
                                         (const char *[]) { "F1", NULL });

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                           G_CONNECT_SWAPPED);
  apply_style (self);
  gtk_application_set_accels_for_action (gtk_application, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_application, "win.open",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_application, "win.search",
                                         (const char *[]) { "<Control>f", NULL });
}

static void
entente_application_finalize (GObject *object)
{
  EntenteApplication *self = ENTENTE_APPLICATION (object);

  /* A start-up that ended before any window asked for progress. */
  if (self->progress_thread != NULL)
    finish_opening_progress_store (self);
  g_clear_object (&self->progress_store);
  g_clear_pointer (&self->progress_notice, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (entente_application_parent_class)->finalize (object);
}

static void
entente_application_class_init (EntenteApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = entente_application_finalize;

  application_class->activate = entente_application_activate;
  application_class->open = entente_application_open;
  application_class->startup = entente_application_startup;
  application_class->handle_local_options = entente_application_handle_local_options;
  application_class->local_command_line = entente_application_local_command_line;
}

static void
entente_application_init (EntenteApplication *self)
{
  self->created_usec = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     /* Translators: the command line
                                                      * synopsis of entente */
                                                     _("[FILE…]"));
}

EntenteApplication *
entente_application_new (void)
{
  return g_object_new (ENTENTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * entente_application_get_progress_store:
 *
 * The learner's progress, `entente/progress.db` under the user data folder: opened in a
 * thread from when the first window is made, and waited for by the first caller. A damaged database has
 * then been moved aside and a new one started, and a database from a newer Entente is
 * open read-only: the notice says so.
 * NULL only when no database could be opened at all (the notice says why).
 */
EntenteProgressStore *
entente_application_get_progress_store (EntenteApplication *self)
{
  g_return_val_if_fail (ENTENTE_IS_APPLICATION (self), NULL);

  finish_opening_progress_store (self);

  return self->progress_store;
}

/* What the learner should be told about how progress was opened, once: NULL after the
 * first call, and when there is nothing to tell. */
char *
entente_application_take_progress_notice (EntenteApplication *self)
{
  g_return_val_if_fail (ENTENTE_IS_APPLICATION (self), NULL);

  return g_steal_pointer (&self->progress_notice);
}
