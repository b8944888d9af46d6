/* entente-stats-page.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "entente-chart.h"
#include "entente-stats-page.h"

/* How many results the scores' moving average spans. */
#define SCORE_WINDOW 3

typedef struct
{
  GtkWidget       *card;
  GtkWidget       *header;
  GtkToggleButton *table_toggle;
  GtkStack        *stack;
  EntenteChart    *chart;
  GtkWidget       *table;
  GtkLabel        *caption;
} ChartCard;

struct _EntenteStatsPage
{
  GtkWidget             parent_instance;

  EntentePack          *pack;
  EntenteProgressStore *store;
  GDateTime            *now;
  EntenteStats         *stats;
  EntenteStatsWindow    window;     /* of the reviews chart: 30 or 90 days */
  gboolean              dirty;
  guint                 n_computed;

  /* template */
  GtkStack             *stack;
  AdwStatusPage        *empty_status;
  GtkBox               *content_box;
  GtkFlowBox           *numbers_box;

  /* the big numbers */
  GtkLabel             *today_value;
  GtkLabel             *today_caption;
  GtkLabel             *retention_value;
  GtkLabel             *retention_caption;
  GtkLabel             *learned_value;
  GtkLabel             *learned_caption;
  GtkLabel             *mastery_value;
  GtkLabel             *mastery_caption;

  ChartCard             reviews;
  GtkToggleButton      *days_30;
  GtkToggleButton      *days_90;
  ChartCard             forecast;

  GtkWidget            *retention_card;
  GtkLabel             *retention_big;
  GtkWidget            *retention_table;
  GtkLabel             *retention_summary;

  GtkWidget            *mastery_card;
  GtkLevelBar          *mastery_bar;
  GtkLabel             *mastery_overall;
  GtkListBox           *mastery_list;
  GtkLabel             *mastery_summary;

  ChartCard             exam_scores;
  ChartCard             map_scores;
};

G_DEFINE_FINAL_TYPE (EntenteStatsPage, entente_stats_page, GTK_TYPE_WIDGET)

enum {
  SHOW_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_percent (double fraction)
{
  /* Translators: a percentage, as in "85%" */
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static GtkWidget *
make_table (GPtrArray *rows)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "stats-table");
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const EntenteStatsRow *row = g_ptr_array_index (rows, i);
      GtkWidget *label = gtk_label_new (row->label);
      GtkWidget *value = gtk_label_new (row->value);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, i, 1, 1);
    }

  return grid;
}

static GtkWidget *
make_card (const char *title,
           GtkWidget **out_header)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "stats-card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (card), header);
  *out_header = header;

  return card;
}

static GtkWidget *
make_caption (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
table_toggled_cb (GtkToggleButton *button,
                  GtkStack        *stack)
{
  gtk_stack_set_visible_child_name (stack, gtk_toggle_button_get_active (button) ? "table" : "chart");
}

static void
chart_card_init (ChartCard         *card,
                 const char        *title,
                 EntenteChartStyle  style)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (_("Show as Table"));

  card->card = make_card (title, &card->header);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  card->table_toggle = GTK_TOGGLE_BUTTON (toggle);
  gtk_box_append (GTK_BOX (card->header), toggle);

  card->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (card->stack, FALSE);
  card->chart = ENTENTE_CHART (entente_chart_new (style));
  entente_chart_set_title (card->chart, title);
  gtk_stack_add_named (card->stack, GTK_WIDGET (card->chart), "chart");
  card->table = make_table (NULL);
  gtk_stack_add_named (card->stack, card->table, "table");
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->stack));
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (table_toggled_cb), card->stack, 0);

  card->caption = GTK_LABEL (make_caption ());
  gtk_box_append (GTK_BOX (card->card), GTK_WIDGET (card->caption));
}

static void
chart_card_set_table (ChartCard *card,
                      GPtrArray *rows)
{
  gboolean showing = gtk_toggle_button_get_active (card->table_toggle);

  gtk_stack_remove (card->stack, card->table);
  card->table = make_table (rows);
  gtk_stack_add_named (card->stack, card->table, "table");
  gtk_stack_set_visible_child_name (card->stack, showing ? "table" : "chart");
}

static void
chart_card_set_summary (ChartCard  *card,
                        const char *summary)
{
  entente_chart_set_summary (card->chart, summary);
  gtk_label_set_text (card->caption, summary);
}

static GtkLabel *
add_number (EntenteStatsPage *self,
            GtkLabel        **out_caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "stats-number");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_flow_box_append (self->numbers_box, box);
  *out_caption = GTK_LABEL (caption);

  return GTK_LABEL (value);
}

/* Labels under a chart's days: the date, short. */
static char **
day_labels (const EntenteStatsDay *days,
            guint                  n,
            gboolean               today_first)
{
  char **labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (days[i].year, days[i].month,
                                                         days[i].day, 12, 0, 0);

      if (today_first && i == 0)
        /* Translators: the label under the first bar of the chart of cards due on the
           Statistics page */
        labels[i] = g_strdup (_("Today"));
      else
        /* Translators: a day under a chart's bar, see g_date_time_format () */
        labels[i] = g_date_time_format (date, _("%-d %b"));
    }

  return labels;
}

static void
set_day_chart (ChartCard             *card,
               const EntenteStatsDay *days,
               guint                  n,
               gboolean               with_first,
               gboolean               today_first)
{
  g_autofree double *values = g_new0 (double, n);
  g_autofree double *first = g_new0 (double, n);
  g_auto(GStrv) labels = day_labels (days, n, today_first);

  for (guint i = 0; i < n; i++)
    {
      values[i] = days[i].count;
      first[i] = days[i].first_count;
    }
  entente_chart_set_data (card->chart, n, values, with_first ? first : NULL,
                          (const char *const *) labels, 0);
}

static void
update_reviews (EntenteStatsPage *self)
{
  EntenteStatsChart chart = self->window == ENTENTE_STATS_WINDOW_90_DAYS
                            ? ENTENTE_STATS_CHART_REVIEWS_90_DAYS
                            : ENTENTE_STATS_CHART_REVIEWS_30_DAYS;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const EntenteStatsDay *days;
  guint n;

  if (self->stats == NULL)
    return;

  days = entente_stats_get_reviews (self->stats, self->window, &n);
  set_day_chart (&self->reviews, days, n, TRUE, FALSE);
  summary = entente_stats_dup_summary (self->stats, chart);
  chart_card_set_summary (&self->reviews, summary);
  rows = entente_stats_dup_table (self->stats, chart);
  chart_card_set_table (&self->reviews, rows);
}

static void
days_toggled_cb (GtkToggleButton  *button,
                 EntenteStatsPage *self)
{
  EntenteStatsWindow window;

  if (!gtk_toggle_button_get_active (button))
    return;

  window = button == self->days_90 ? ENTENTE_STATS_WINDOW_90_DAYS : ENTENTE_STATS_WINDOW_30_DAYS;
  if (window == self->window)
    return;
  self->window = window;
  update_reviews (self);
}

static void
section_row_activated_cb (AdwActionRow     *row,
                          EntenteStatsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "section-id");

  g_signal_emit (self, signals[SHOW_SECTION], 0, id);
}

static GtkWidget *
make_level_bar (double value)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 1));
  /* Mastery is not a warning: one colour, the accent, at every level. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);

  return bar;
}

static void
update_mastery (EntenteStatsPage *self)
{
  const EntenteStatsSection *sections;
  g_autofree char *overall = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *learned_text = NULL;
  GtkWidget *child;
  guint n, learned, total;
  double mastery;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mastery_list))) != NULL)
    gtk_list_box_remove (self->mastery_list, child);

  mastery = entente_stats_get_mastery (self->stats, &learned, &total);
  overall = format_percent (mastery);
  /* Translators: the line above the mastery bars on the Statistics page, such as "62%
     overall, 120 of 300 cards learned": %s is the mastery of the whole pack, the first %u
     the cards learned, the second all the pack's cards */
  learned_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overall, %u of %u card learned",
                                               "%s overall, %u of %u cards learned", total),
                                  overall, learned, total);
  gtk_label_set_text (self->mastery_overall, learned_text);
  gtk_level_bar_set_value (self->mastery_bar, CLAMP (mastery, 0, 1));

  sections = entente_stats_get_sections (self->stats, &n);
  for (guint i = 0; i < n; i++)
    {
      const EntenteStatsSection *section = &sections[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = make_level_bar (section->mastery);
      GtkWidget *percent = gtk_label_new (NULL);
      g_autofree char *percent_text = format_percent (section->mastery);
      /* Translators: the subtitle of a section's row under the mastery bars on the
         Statistics page; the first %u is the section's cards learned, the second all its
         cards */
      g_autofree char *subtitle = g_strdup_printf (_("%u of %u learned"), section->learned,
                                                   section->total);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     entente_section_get_title (section->section));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (section->depth > 0)
        {
          GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_size_request (indent, 18 * MIN (section->depth, 6), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
        }
      gtk_widget_add_css_class (bar, "stats-mastery-bar");
      gtk_label_set_text (GTK_LABEL (percent), percent_text);
      gtk_label_set_width_chars (GTK_LABEL (percent), 5);
      gtk_label_set_xalign (GTK_LABEL (percent), 1);
      gtk_widget_add_css_class (percent, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "section-id",
                              g_strdup (entente_section_get_id (section->section)), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (section_row_activated_cb), self, 0);
      gtk_list_box_append (self->mastery_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mastery_list), n > 0);

  summary = entente_stats_dup_summary (self->stats, ENTENTE_STATS_CHART_MASTERY);
  gtk_label_set_text (self->mastery_summary, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mastery_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mastery per Section"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

typedef struct
{
  GArray *exams;    /* EntenteStatsResult */
  GArray *map_quizzes;
} ResultLists;

static gboolean
collect_result_cb (const EntenteProgressResult *result,
                   gpointer                     user_data)
{
  ResultLists *lists = user_data;
  EntenteStatsResult item = {
    .time = result->time_ms,
    .right = result->n_correct,
    .total = result->n_total,
  };

  if (result->kind == ENTENTE_PROGRESS_RESULT_EXAM)
    g_array_append_val (lists->exams, item);
  else if (result->kind == ENTENTE_PROGRESS_RESULT_MAP_QUIZ)
    g_array_append_val (lists->map_quizzes, item);

  return TRUE;
}

/* Fills a score card from @results and shows it, or hides it when there is no result with
 * questions. Returns whether it is shown. */
static gboolean
update_score_card (ChartCard  *card,
                   GArray     *results,
                   GTimeZone  *tz)
{
  g_autoptr(GArray) series = entente_stats_score_series ((const EntenteStatsResult *) results->data,
                                                         results->len, SCORE_WINDOW);
  g_autofree double *values = NULL;
  g_autofree double *average = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gtk_widget_set_visible (card->card, series->len > 0);
  if (series->len == 0)
    {
      entente_chart_set_data (card->chart, 0, NULL, NULL, NULL, 100);
      return FALSE;
    }

  values = g_new0 (double, series->len);
  average = g_new0 (double, series->len);
  labels = g_new0 (char *, series->len + 1);
  for (guint i = 0; i < series->len; i++)
    {
      const EntenteStatsScore *score = &g_array_index (series, EntenteStatsScore, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (score->time / 1000);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

      values[i] = score->percent;
      average[i] = score->moving_average;
      /* Translators: a day under a chart's bar, see g_date_time_format () */
      labels[i] = local != NULL ? g_date_time_format (local, _("%-d %b")) : NULL;
    }
  entente_chart_set_data (card->chart, series->len, values, average,
                          (const char *const *) labels, 100);

  summary = entente_stats_score_dup_summary (series, SCORE_WINDOW);
  chart_card_set_summary (card, summary);
  rows = entente_stats_score_dup_table (series, tz);
  chart_card_set_table (card, rows);

  return TRUE;
}

/* Reads the pack's results and fills the score cards; returns whether any is shown. */
static gboolean
update_scores (EntenteStatsPage *self,
               GDateTime        *now)
{
  g_autoptr(GArray) exams = g_array_new (FALSE, FALSE, sizeof (EntenteStatsResult));
  g_autoptr(GArray) map_quizzes = g_array_new (FALSE, FALSE, sizeof (EntenteStatsResult));
  g_autoptr(GError) error = NULL;
  ResultLists lists = { exams, map_quizzes };
  GTimeZone *tz = g_date_time_get_timezone (now);
  gboolean shown = FALSE;

  if (!entente_progress_store_foreach_result (self->store, entente_pack_get_id (self->pack),
                                              FALSE, collect_result_cb, &lists, &error))
    {
      g_warning ("Could not read the results: %s", error->message);
      g_array_set_size (exams, 0);
      g_array_set_size (map_quizzes, 0);
    }

  shown |= update_score_card (&self->exam_scores, exams, tz);
  shown |= update_score_card (&self->map_scores, map_quizzes, tz);

  return shown;
}

static void
update_retention (EntenteStatsPage *self)
{
  g_autoptr(GPtrArray) rows = entente_stats_dup_table (self->stats, ENTENTE_STATS_CHART_RETENTION);
  g_autofree char *summary = entente_stats_dup_summary (self->stats, ENTENTE_STATS_CHART_RETENTION);
  double retention = entente_stats_get_retention (self->stats, ENTENTE_STATS_WINDOW_30_DAYS, NULL, NULL);
  g_autofree char *percent = NULL;

  if (retention < 0)
    retention = entente_stats_get_retention (self->stats, ENTENTE_STATS_WINDOW_ALL_TIME, NULL, NULL);
  /* Translators: no value to show */
  percent = retention >= 0 ? format_percent (retention) : g_strdup (_("—"));
  gtk_label_set_text (self->retention_big, percent);

  gtk_widget_unparent (self->retention_table);
  self->retention_table = make_table (rows);
  gtk_widget_insert_after (self->retention_table, self->retention_card,
                           GTK_WIDGET (self->retention_big));
  gtk_label_set_text (self->retention_summary, summary);
}

static void
update_numbers (EntenteStatsPage *self)
{
  const EntenteStatsDay *days;
  guint n_days, learned, total;
  double retention, mastery;
  g_autofree char *text = NULL;

  days = entente_stats_get_reviews (self->stats, ENTENTE_STATS_WINDOW_30_DAYS, &n_days);
  text = g_strdup_printf ("%u", n_days > 0 ? days[n_days - 1].count : 0);
  gtk_label_set_text (self->today_value, text);
  g_free (text);
  /* Translators: a caption under a big number on the Statistics page, the number of reviews
     done today; lower case, as it reads on from the number */
  text = g_strdup (g_dngettext (GETTEXT_PACKAGE, "review today", "reviews today",
                                n_days > 0 ? days[n_days - 1].count : 0));
  gtk_label_set_text (self->today_caption, text);
  g_free (text);

  retention = entente_stats_get_retention (self->stats, ENTENTE_STATS_WINDOW_30_DAYS, NULL, NULL);
  text = retention >= 0 ? format_percent (retention) : g_strdup (_("—"));
  gtk_label_set_text (self->retention_value, text);
  gtk_label_set_text (self->retention_caption, _("retention, 30 days"));
  g_free (text);

  mastery = entente_stats_get_mastery (self->stats, &learned, &total);
  /* Translators: cards learned of all the pack's cards, as in "12/40" */
  text = g_strdup_printf (_("%u/%u"), learned, total);
  gtk_label_set_text (self->learned_value, text);
  /* Translators: a caption under a big number on the Statistics page, such as "12/40";
     lower case, as it reads on from the number */
  gtk_label_set_text (self->learned_caption, _("cards learned"));
  g_free (text);

  text = format_percent (mastery);
  gtk_label_set_text (self->mastery_value, text);
  /* Translators: a caption under a big percentage on the Statistics page: how well the pack
     is known as a whole; lower case, as it reads on from the number */
  gtk_label_set_text (self->mastery_caption, _("mastery"));
}

static void
update_forecast (EntenteStatsPage *self)
{
  g_autofree char *summary = entente_stats_dup_summary (self->stats, ENTENTE_STATS_CHART_FORECAST);
  g_autoptr(GPtrArray) rows = entente_stats_dup_table (self->stats, ENTENTE_STATS_CHART_FORECAST);
  const EntenteStatsDay *days;
  guint n;

  days = entente_stats_get_forecast (self->stats, &n);
  set_day_chart (&self->forecast, days, n, FALSE, TRUE);
  entente_chart_set_labels_from_start (self->forecast.chart, TRUE);
  chart_card_set_summary (&self->forecast, summary);
  chart_card_set_table (&self->forecast, rows);
}

static void
recompute (EntenteStatsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  self->dirty = FALSE;
  self->n_computed++;
  g_clear_pointer (&self->stats, entente_stats_free);

  adw_status_page_set_title (self->empty_status, _("No Reviews Yet"));
  adw_status_page_set_description (self->empty_status,
                                   _("Review a few cards on the Review page, and your progress shows here"));

  if (self->pack == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
  self->stats = entente_stats_compute (self->store, self->pack, now, &error);
  if (self->stats == NULL)
    {
      adw_status_page_set_title (self->empty_status, _("Statistics Unavailable"));
      adw_status_page_set_description (self->empty_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Scores alone (exams taken before any review) are worth the page too. */
  if (!update_scores (self, now)
      && entente_stats_get_n_reviews (self->stats, ENTENTE_STATS_WINDOW_ALL_TIME, NULL) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  update_numbers (self);
  update_reviews (self);
  update_forecast (self);
  update_retention (self);
  update_mastery (self);
  gtk_stack_set_visible_child_name (self->stack, "stats");
}

static void
queue_recompute (EntenteStatsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  else
    self->dirty = TRUE;
}

static void
store_changed_cb (EntenteStatsPage *self,
                  const char       *pack_id)
{
  if (pack_id != NULL && self->pack != NULL
      && g_strcmp0 (pack_id, entente_pack_get_id (self->pack)) != 0)
    return;

  queue_recompute (self);
}

static void
entente_stats_page_map (GtkWidget *widget)
{
  EntenteStatsPage *self = ENTENTE_STATS_PAGE (widget);

  GTK_WIDGET_CLASS (entente_stats_page_parent_class)->map (widget);

  if (self->dirty)
    recompute (self);
}

static void
set_percent_axis (EntenteChart *chart)
{
  g_autofree char *zero = format_percent (0);
  g_autofree char *top = format_percent (1);

  entente_chart_set_axis_labels (chart, zero, top);
}

/* A legend for a line chart: the points are scores, the thick light line their moving
 * average. */
static void
add_score_legend (ChartCard *card)
{
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;
  g_autofree char *average = NULL;

  gtk_widget_add_css_class (swatch, "stats-swatch-all");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (legend), swatch);
  /* Translators: the legend of the exam results chart: the line of each exam's score (a
     noun) */
  label = gtk_label_new (_("Score"));
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (legend), label);
  swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (swatch, "stats-swatch-first");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (swatch, 12);
  gtk_box_append (GTK_BOX (legend), swatch);
  average = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the legend of the line of the
                                             exam results chart that averages the latest
                                             results; %u is how many (such as 3) */
                                          "Average of the last %u result",
                                          "Average of the last %u results",
                                          SCORE_WINDOW),
                             SCORE_WINDOW);
  label = gtk_label_new (average);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (legend), label);
  gtk_accessible_update_state (GTK_ACCESSIBLE (legend), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_insert_after (legend, card->card, GTK_WIDGET (card->stack));
}

static void
build_cards (EntenteStatsPage *self)
{
  GtkWidget *header, *box, *toggles, *label;

  self->today_value = add_number (self, &self->today_caption);
  self->retention_value = add_number (self, &self->retention_caption);
  self->learned_value = add_number (self, &self->learned_caption);
  self->mastery_value = add_number (self, &self->mastery_caption);

  /* Reviews per day, 30 or 90 days. */
  chart_card_init (&self->reviews, _("Reviews per Day"), ENTENTE_CHART_BARS);
  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
  /* Translators: a toggle button of the chart of reviews per day: show the last 30 days */
  self->days_30 = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("30 Days")));
  /* Translators: a toggle button of the chart of reviews per day: show the last 90 days */
  self->days_90 = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("90 Days")));
  gtk_toggle_button_set_group (self->days_90, self->days_30);
  gtk_toggle_button_set_active (self->days_30, TRUE);
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->days_30));
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->days_90));
  gtk_widget_set_halign (toggles, GTK_ALIGN_CENTER);
  gtk_widget_insert_after (toggles, self->reviews.card, self->reviews.header);
  g_signal_connect_object (self->days_30, "toggled", G_CALLBACK (days_toggled_cb), self, 0);
  g_signal_connect_object (self->days_90, "toggled", G_CALLBACK (days_toggled_cb), self, 0);
  {
    /* The legend: the lighter part of a bar is first reviews. */
    GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (swatch, "stats-swatch-all");
    gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (legend), swatch);
    /* Translators: the legend of the chart of reviews per day: the bars of all reviews (a
       plural noun) */
    label = gtk_label_new (_("Reviews"));
    gtk_widget_add_css_class (label, "caption");
    gtk_box_append (GTK_BOX (legend), label);
    swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_add_css_class (swatch, "stats-swatch-first");
    gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_start (swatch, 12);
    gtk_box_append (GTK_BOX (legend), swatch);
    /* Translators: the legend of the chart of reviews per day: the part of the bars that
       were a card's first review */
    label = gtk_label_new (_("First reviews"));
    gtk_widget_add_css_class (label, "caption");
    gtk_box_append (GTK_BOX (legend), label);
    gtk_accessible_update_state (GTK_ACCESSIBLE (legend), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    gtk_widget_insert_after (legend, self->reviews.card, GTK_WIDGET (self->reviews.stack));
  }
  gtk_box_append (self->content_box, self->reviews.card);

  /* The forecast. */
  chart_card_init (&self->forecast, _("Cards Due in the Next 30 Days"), ENTENTE_CHART_BARS);
  gtk_box_append (self->content_box, self->forecast.card);

  /* True retention: a big number and the three windows. */
  /* Translators: the title of a card on the Statistics page: the share of reviews of
     learned cards that were remembered (a spaced-repetition term) */
  self->retention_card = make_card (_("True Retention"), &header);
  self->retention_big = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->retention_big, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->retention_big), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->retention_big), "numeric");
  gtk_box_append (GTK_BOX (self->retention_card), GTK_WIDGET (self->retention_big));
  self->retention_table = make_table (NULL);
  gtk_box_append (GTK_BOX (self->retention_card), self->retention_table);
  self->retention_summary = GTK_LABEL (make_caption ());
  gtk_box_append (GTK_BOX (self->retention_card), GTK_WIDGET (self->retention_summary));
  gtk_box_append (self->content_box, self->retention_card);

  /* Mastery per section. */
  self->mastery_card = make_card (_("Mastery per Section"), &header);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->mastery_overall = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->mastery_overall, 0);
  gtk_label_set_wrap (self->mastery_overall, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mastery_overall));
  self->mastery_bar = GTK_LEVEL_BAR (make_level_bar (0));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mastery_bar));
  gtk_box_append (GTK_BOX (self->mastery_card), box);
  self->mastery_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->mastery_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->mastery_list), "boxed-list");
  gtk_box_append (GTK_BOX (self->mastery_card), GTK_WIDGET (self->mastery_list));
  self->mastery_summary = GTK_LABEL (make_caption ());
  gtk_box_append (GTK_BOX (self->mastery_card), GTK_WIDGET (self->mastery_summary));
  gtk_box_append (self->content_box, self->mastery_card);

  /* Exam and map-quiz scores over time, each shown only when there are results. */
  /* Translators: the title of the chart of practice exam scores over time */
  chart_card_init (&self->exam_scores, _("Exam Scores"), ENTENTE_CHART_LINE);
  add_score_legend (&self->exam_scores);
  set_percent_axis (self->exam_scores.chart);
  gtk_widget_set_visible (self->exam_scores.card, FALSE);
  gtk_box_append (self->content_box, self->exam_scores.card);
  chart_card_init (&self->map_scores, _("Map Quiz Scores"), ENTENTE_CHART_LINE);
  add_score_legend (&self->map_scores);
  set_percent_axis (self->map_scores.chart);
  gtk_widget_set_visible (self->map_scores.card, FALSE);
  gtk_box_append (self->content_box, self->map_scores.card);
}

static void
entente_stats_page_dispose (GObject *object)
{
  EntenteStatsPage *self = ENTENTE_STATS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_STATS_PAGE);

  g_clear_pointer (&self->stats, entente_stats_free);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (entente_stats_page_parent_class)->dispose (object);
}

static void
entente_stats_page_class_init (EntenteStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_stats_page_dispose;
  widget_class->map = entente_stats_page_map;

  signals[SHOW_SECTION] =
    g_signal_new ("show-section",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/entente-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteStatsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatsPage, numbers_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statspage");
}

static void
entente_stats_page_init (EntenteStatsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->window = ENTENTE_STATS_WINDOW_30_DAYS;
  build_cards (self);
  self->dirty = TRUE;
}

GtkWidget *
entente_stats_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_STATS_PAGE, NULL);
}

void
entente_stats_page_set_pack (EntenteStatsPage *self,
                             EntentePack      *pack)
{
  g_return_if_fail (ENTENTE_IS_STATS_PAGE (self));

  if (!g_set_object (&self->pack, pack))
    return;
  queue_recompute (self);
}

void
entente_stats_page_set_store (EntenteStatsPage     *self,
                              EntenteProgressStore *store)
{
  g_return_if_fail (ENTENTE_IS_STATS_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  queue_recompute (self);
}

void
entente_stats_page_refresh (EntenteStatsPage *self)
{
  g_return_if_fail (ENTENTE_IS_STATS_PAGE (self));

  recompute (self);
}

void
entente_stats_page_set_now (EntenteStatsPage *self,
                            GDateTime        *now)
{
  g_return_if_fail (ENTENTE_IS_STATS_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  queue_recompute (self);
}

gboolean
entente_stats_page_has_data (EntenteStatsPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "stats") == 0;
}

GtkWidget *
entente_stats_page_get_chart (EntenteStatsPage  *self,
                              EntenteStatsChart  chart)
{
  g_return_val_if_fail (ENTENTE_IS_STATS_PAGE (self), NULL);

  switch (chart)
    {
    case ENTENTE_STATS_CHART_REVIEWS_30_DAYS:
    case ENTENTE_STATS_CHART_REVIEWS_90_DAYS:
      return GTK_WIDGET (self->reviews.chart);
    case ENTENTE_STATS_CHART_FORECAST:
      return GTK_WIDGET (self->forecast.chart);
    case ENTENTE_STATS_CHART_RETENTION:
    case ENTENTE_STATS_CHART_MASTERY:
    default:
      return NULL;
    }
}

GtkWidget *
entente_stats_page_get_score_chart (EntenteStatsPage          *self,
                                    EntenteProgressResultKind  kind)
{
  g_return_val_if_fail (ENTENTE_IS_STATS_PAGE (self), NULL);

  switch (kind)
    {
    case ENTENTE_PROGRESS_RESULT_EXAM:
      return GTK_WIDGET (self->exam_scores.chart);
    case ENTENTE_PROGRESS_RESULT_MAP_QUIZ:
      return GTK_WIDGET (self->map_scores.chart);
    default:
      return NULL;
    }
}

guint
entente_stats_page_get_n_computed (EntenteStatsPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATS_PAGE (self), 0);

  return self->n_computed;
}
