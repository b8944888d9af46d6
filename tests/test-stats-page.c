/* test-stats-page.c: the Statistics page under Xvfb — its numbers and summaries from a
 * hand-made review log, the table form of a chart, the 30/90 day switch, the charts'
 * accessible descriptions, "No Reviews Yet" for a new learner, a section row's
 * activation, the refresh rules, exam and map-quiz scores, and screenshots in light, dark
 * and narrow.
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-chart.h"
#include "entente-pack-loader.h"
#include "entente-progress-store.h"
#include "entente-stats-page.h"
#include "entente-test-ui.h"

#define PACK_ID "review-fixture"
#define HOUR_MS G_GINT64_CONSTANT (3600000)
#define DAY_MS (24 * HOUR_MS)

typedef struct
{
  GtkWindow            *window;
  EntenteStatsPage     *page;
  EntentePack          *pack;
  EntenteProgressStore *store;
  GDateTime            *now;
  gint64                now_ms;
} Fixture;

/* The application loads style.css from its resources; a page alone needs it added. */
static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stats-page-test",
                                            "progress.db", NULL);
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                      "review-fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pack_path);

  fixture->store = entente_progress_store_open (path, &error);
  g_assert_no_error (error);
  fixture->pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 2026-11-28 12:00 UTC: days are UTC days. */
  fixture->now = g_date_time_new_utc (2026, 11, 28, 12, 0, 0);
  fixture->now_ms = g_date_time_to_unix (fixture->now) * 1000;

  load_style ();
  fixture->page = ENTENTE_STATS_PAGE (entente_stats_page_new ());
  entente_stats_page_set_now (fixture->page, fixture->now);
  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 800, 900);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  entente_test_iterate (20);
  entente_test_set_dark (FALSE);
}

/* A review of @card_id @ago_ms before now, of a card that was in @before, leaving it in
 * @after_state. */
static void
add_review (Fixture           *fixture,
            const char        *card_id,
            gint64             ago_ms,
            EntenteFsrsState   before,
            EntenteFsrsRating  rating,
            EntenteFsrsState   after_state)
{
  g_autoptr(GError) error = NULL;
  gint64 time = fixture->now_ms - ago_ms;
  EntenteFsrsLog log = {
    .rating = rating,
    .state = before,
    .due = time,
    .stability = 5,
    .difficulty = 5,
    .review = time,
  };
  EntenteFsrsCard after = {
    .due = time + 3 * DAY_MS,
    .stability = 10,
    .difficulty = 5,
    .scheduled_days = 3,
    .reps = 1,
    .state = after_state,
    .last_review = time,
  };

  g_assert_cmpint (entente_progress_store_record_review (fixture->store, PACK_ID, card_id,
                                                         &log, &after, 3000, &error), >, 0);
  g_assert_no_error (error);
}

/* Today 2 reviews (one first review, one of a Review card, passed); yesterday a failed
 * review; 5 days ago a first review; 40 days ago a passed review. 30 days: 4 reviews,
 * retention 1 of 2; all time 2 of 3. Four of the five cards learned. */
static void
fill (Fixture *fixture)
{
  const EntenteFsrsState NEW = ENTENTE_FSRS_STATE_NEW, LEARNING = ENTENTE_FSRS_STATE_LEARNING;
  const EntenteFsrsState REVIEW = ENTENTE_FSRS_STATE_REVIEW;

  add_review (fixture, "card-council", 40 * DAY_MS, REVIEW, ENTENTE_FSRS_RATING_GOOD, REVIEW);
  add_review (fixture, "card-berlin", 5 * DAY_MS, NEW, ENTENTE_FSRS_RATING_GOOD, REVIEW);
  add_review (fixture, "card-warsaw", DAY_MS, REVIEW, ENTENTE_FSRS_RATING_AGAIN,
              ENTENTE_FSRS_STATE_RELEARNING);
  add_review (fixture, "card-paris", 2 * HOUR_MS, NEW, ENTENTE_FSRS_RATING_GOOD, LEARNING);
  add_review (fixture, "card-berlin", HOUR_MS, REVIEW, ENTENTE_FSRS_RATING_GOOD, REVIEW);
}

static EntenteStats *
compute (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  EntenteStats *stats = entente_stats_compute (fixture->store, fixture->pack, fixture->now, &error);

  g_assert_no_error (error);
  return stats;
}

static void
show (Fixture *fixture)
{
  entente_stats_page_set_store (fixture->page, fixture->store);
  entente_stats_page_set_pack (fixture->page, fixture->pack);
  entente_test_iterate (50);
}

/* The card (a box with the "card" class) a chart is in. */
static GtkWidget *
card_of (GtkWidget *widget)
{
  while (widget != NULL && !gtk_widget_has_css_class (widget, "stats-card"))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return widget;
}

static GtkToggleButton *
toggle_in (GtkWidget  *root,
           const char *text)
{
  GtkWidget *label = entente_test_find_label (root, text);

  g_assert_nonnull (label);
  return GTK_TOGGLE_BUTTON (gtk_widget_get_ancestor (label, GTK_TYPE_TOGGLE_BUTTON));
}

/* The number above the caption @caption. */
static const char *
big_number (GtkWidget  *root,
            const char *caption)
{
  GtkWidget *label = entente_test_find_label (root, caption);

  g_assert_nonnull (label);
  label = gtk_widget_get_prev_sibling (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_stats_page_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EntenteStats) stats = NULL;
  g_autofree char *mastery = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *root = GTK_WIDGET (fixture->page);
  guint learned, total;

  fill (fixture);
  show (fixture);
  stats = compute (fixture);
  g_assert_true (entente_stats_page_has_data (fixture->page));

  /* The big numbers. */
  g_assert_cmpstr (big_number (root, "reviews today"), ==, "2");
  g_assert_cmpstr (big_number (root, "retention, 30 days"), ==, "50%");
  g_assert_cmpstr (big_number (root, "cards learned"), ==, "4/5");
  mastery = g_strdup_printf ("%.0f%%", entente_stats_get_mastery (stats, &learned, &total) * 100);
  g_assert_cmpuint (learned, ==, 4);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpstr (big_number (root, "mastery"), ==, mastery);

  /* Retention: the three windows in its breakdown. */
  g_assert_nonnull (entente_test_find_label (root, "50% (1 of 2 passed)"));
  g_assert_nonnull (entente_test_find_label (root, "67% (2 of 3 passed)"));

  /* Each chart's summary is its accessible description and shows under it. */
  summary = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS))),
                   ==, summary);
  g_assert_nonnull (entente_test_find_label (root, summary));
  g_assert_cmpstr (entente_chart_get_title (ENTENTE_CHART (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS))),
                   ==, "Reviews per Day");
  g_clear_pointer (&summary, g_free);
  summary = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_FORECAST);
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST))),
                   ==, summary);
  g_assert_nonnull (entente_test_find_label (root, summary));
  g_clear_pointer (&summary, g_free);
  summary = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_MASTERY);
  g_assert_nonnull (entente_test_find_label (root, summary));
  g_clear_pointer (&summary, g_free);
  summary = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_RETENTION);
  g_assert_nonnull (entente_test_find_label (root, summary));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST))),
                   ==, GTK_ACCESSIBLE_ROLE_IMG);

  /* Sections, indented under their parent, with what they hold. */
  g_assert_nonnull (entente_test_find_label (root, "Western capitals"));
  g_assert_nonnull (entente_test_find_label (root, "Institutions"));
  g_assert_nonnull (entente_test_find_label (root, "1 of 1 learned"));
  g_assert_nonnull (entente_test_find_label (root, "3 of 4 learned"));

  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-light");
  /* The cards further down: the charts hidden for the screenshot. */
  gtk_widget_set_visible (card_of (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST)), FALSE);
  gtk_widget_set_visible (card_of (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS)), FALSE);
  entente_test_iterate (50);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-light-mastery");
}

static void
test_stats_page_table (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EntenteStats) stats = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *chart;
  GtkWidget *card;
  GtkWidget *value;
  const EntenteStatsRow *today;

  fill (fixture);
  show (fixture);
  stats = compute (fixture);
  chart = entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  card = card_of (chart);
  g_assert_cmpuint (entente_chart_get_n_values (ENTENTE_CHART (chart)), ==, 30);

  /* The table's last row is today: 2 reviews, one of them a first review. */
  rows = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  g_assert_cmpuint (rows->len, ==, 30);
  today = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (today->value, ==, "2 (1 first)");
  value = entente_test_find_label (card, today->value);
  g_assert_nonnull (value);
  g_assert_false (gtk_widget_get_mapped (value));
  g_assert_true (gtk_widget_get_mapped (chart));

  gtk_toggle_button_set_active (toggle_in (card, "Show as Table"), TRUE);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (value));
  g_assert_false (gtk_widget_get_mapped (chart));
  g_assert_nonnull (entente_test_find_label (card, today->label));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-table");

  /* 90 days: the chart, its summary and its table follow, and the table stays shown. */
  gtk_toggle_button_set_active (toggle_in (card, "90 Days"), TRUE);
  entente_test_iterate (50);
  g_assert_cmpuint (entente_chart_get_n_values (ENTENTE_CHART (chart)), ==, 90);
  summary = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_90_DAYS);
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (chart)), ==, summary);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_REVIEWS_90_DAYS);
  g_assert_cmpuint (rows->len, ==, 90);
  value = entente_test_find_label (card, ((EntenteStatsRow *) g_ptr_array_index (rows, 49))->label);
  g_assert_nonnull (value);
  g_assert_true (gtk_widget_get_mapped (value));

  gtk_toggle_button_set_active (toggle_in (card, "Show as Table"), FALSE);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_false (gtk_widget_get_mapped (value));
}

static void
test_stats_page_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *title;

  show (fixture);
  g_assert_false (entente_stats_page_has_data (fixture->page));
  title = entente_test_find_label (GTK_WIDGET (fixture->page), "No Reviews Yet");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_false (gtk_widget_get_mapped (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST)));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-empty");

  /* The first review brings the charts. */
  add_review (fixture, "card-paris", HOUR_MS, ENTENTE_FSRS_STATE_NEW, ENTENTE_FSRS_RATING_GOOD,
              ENTENTE_FSRS_STATE_LEARNING);
  entente_test_iterate (50);
  g_assert_true (entente_stats_page_has_data (fixture->page));
  g_assert_true (gtk_widget_get_mapped (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST)));
}

static char *shown_section;

static void
show_section_cb (EntenteStatsPage *page,
                 const char       *section_id,
                 gpointer          user_data)
{
  g_free (shown_section);
  shown_section = g_strdup (section_id);
}

static void
test_stats_page_show_section (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *label;
  GtkWidget *row;

  fill (fixture);
  show (fixture);
  g_signal_connect (fixture->page, "show-section", G_CALLBACK (show_section_cb), NULL);

  label = entente_test_find_label (GTK_WIDGET (fixture->page), "Western capitals");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  entente_test_iterate (20);
  g_assert_cmpstr (shown_section, ==, "capitals-west");

  /* The subsection is indented under its parent, the top level is not. */
  {
    GtkWidget *parent_row = gtk_widget_get_ancestor (entente_test_find_label (GTK_WIDGET (fixture->page), "Capitals"),
                                                     ADW_TYPE_ACTION_ROW);
    graphene_point_t sub, top;

    g_assert_true (gtk_widget_compute_point (label, GTK_WIDGET (fixture->page), &GRAPHENE_POINT_INIT (0, 0), &sub));
    g_assert_true (gtk_widget_compute_point (entente_test_find_label (parent_row, "Capitals"),
                                             GTK_WIDGET (fixture->page), &GRAPHENE_POINT_INIT (0, 0), &top));
    g_assert_cmpfloat (sub.x, >, top.x + 10);
  }
  g_clear_pointer (&shown_section, g_free);
}

/* The reviews table's row for today says @value, as the statistics computed now do. */
static gboolean
shows_today (Fixture    *fixture,
             const char *value)
{
  g_autoptr(EntenteStats) stats = compute (fixture);
  g_autoptr(GPtrArray) rows = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  const EntenteStatsRow *today = g_ptr_array_index (rows, rows->len - 1);
  GtkWidget *chart = entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);

  g_assert_cmpstr (today->value, ==, value);
  return entente_test_find_label (card_of (chart), value) != NULL;
}

static void
test_stats_page_refresh (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n;

  fill (fixture);
  show (fixture);
  n = entente_stats_page_get_n_computed (fixture->page);

  /* Mapped: a new review is counted at once. */
  add_review (fixture, "card-map-poland", HOUR_MS / 2, ENTENTE_FSRS_STATE_NEW,
              ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_LEARNING);
  entente_test_iterate (20);
  g_assert_cmpuint (entente_stats_page_get_n_computed (fixture->page), ==, n + 1);
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (fixture->page), "5/5"));
  g_assert_true (shows_today (fixture, "3 (2 first)"));
  g_assert_cmpstr (big_number (GTK_WIDGET (fixture->page), "reviews today"), ==, "3");

  /* Hidden: nothing is computed until the page is shown again, then once. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  entente_test_iterate (20);
  add_review (fixture, "card-paris", HOUR_MS / 4, ENTENTE_FSRS_STATE_LEARNING,
              ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_REVIEW);
  add_review (fixture, "card-warsaw", HOUR_MS / 5, ENTENTE_FSRS_STATE_RELEARNING,
              ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_REVIEW);
  entente_test_iterate (20);
  g_assert_cmpuint (entente_stats_page_get_n_computed (fixture->page), ==, n + 1);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  entente_test_iterate (50);
  g_assert_cmpuint (entente_stats_page_get_n_computed (fixture->page), ==, n + 2);
  g_assert_true (shows_today (fixture, "5 (2 first)"));
  g_assert_cmpstr (big_number (GTK_WIDGET (fixture->page), "reviews today"), ==, "5");

  /* Another pack's change is not ours. */
  {
    g_autoptr(GError) error = NULL;
    EntenteFsrsLog log = { .rating = ENTENTE_FSRS_RATING_GOOD, .state = ENTENTE_FSRS_STATE_NEW,
                           .due = fixture->now_ms, .review = fixture->now_ms };
    EntenteFsrsCard after = { .due = fixture->now_ms + DAY_MS, .stability = 1, .difficulty = 5,
                              .state = ENTENTE_FSRS_STATE_LEARNING, .last_review = fixture->now_ms };

    g_assert_cmpint (entente_progress_store_record_review (fixture->store, "other-pack", "c1",
                                                           &log, &after, 1000, &error), >, 0);
    g_assert_no_error (error);
    entente_test_iterate (20);
    g_assert_cmpuint (entente_stats_page_get_n_computed (fixture->page), ==, n + 2);
  }
}

/* A finished exam or map quiz @ago_ms before now. */
static void
add_result (Fixture                   *fixture,
            EntenteProgressResultKind  kind,
            gint64                     ago_ms,
            guint                      right,
            guint                      total)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (entente_progress_store_add_result (fixture->store, PACK_ID, kind,
                                                      fixture->now_ms - ago_ms, right, total,
                                                      600000, "{}", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_stats_page_scores (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *exam_chart = entente_stats_page_get_score_chart (fixture->page, ENTENTE_PROGRESS_RESULT_EXAM);
  GtkWidget *map_chart = entente_stats_page_get_score_chart (fixture->page, ENTENTE_PROGRESS_RESULT_MAP_QUIZ);
  GtkWidget *exam_card = card_of (exam_chart);
  GtkWidget *map_card = card_of (map_chart);
  const char *exam_summary = "4 results; the latest 90%, the best 90%, the average of the last 3 73%.";
  GtkWidget *value;

  /* Reviews but no results: neither score card. */
  fill (fixture);
  show (fixture);
  g_assert_true (entente_stats_page_has_data (fixture->page));
  g_assert_false (gtk_widget_get_visible (exam_card));
  g_assert_false (gtk_widget_get_visible (map_card));
  g_assert_false (gtk_widget_get_mapped (entente_test_find_label (root, "Exam Scores")));

  /* Exams (added out of order; one without questions is left out): the card appears on
   * the store's "changed", its points in time order on a 0-100 axis. */
  add_result (fixture, ENTENTE_PROGRESS_RESULT_EXAM, 10 * DAY_MS, 6, 10);
  add_result (fixture, ENTENTE_PROGRESS_RESULT_EXAM, 2 * DAY_MS, 9, 10);
  add_result (fixture, ENTENTE_PROGRESS_RESULT_EXAM, 20 * DAY_MS, 1, 2);
  add_result (fixture, ENTENTE_PROGRESS_RESULT_EXAM, 5 * DAY_MS, 7, 10);
  add_result (fixture, ENTENTE_PROGRESS_RESULT_EXAM, 3 * DAY_MS, 0, 0);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (exam_card));
  g_assert_true (gtk_widget_get_mapped (exam_chart));
  g_assert_false (gtk_widget_get_visible (map_card));
  g_assert_cmpuint (entente_chart_get_n_values (ENTENTE_CHART (exam_chart)), ==, 4);
  g_assert_cmpstr (entente_chart_get_title (ENTENTE_CHART (exam_chart)), ==, "Exam Scores");
  g_assert_cmpstr (entente_chart_get_axis_top (ENTENTE_CHART (exam_chart)), ==, "100%");
  g_assert_null (entente_chart_get_axis_top (ENTENTE_CHART (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST))));
  /* 50, 60, 70, 90: the last three average 73%. */
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (exam_chart)), ==, exam_summary);
  g_assert_nonnull (entente_test_find_label (exam_card, exam_summary));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-scores-full");

  /* A map quiz brings its own card. */
  add_result (fixture, ENTENTE_PROGRESS_RESULT_MAP_QUIZ, DAY_MS, 13, 16);
  add_result (fixture, ENTENTE_PROGRESS_RESULT_MAP_QUIZ, 4 * DAY_MS, 8, 16);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (map_card));
  g_assert_cmpuint (entente_chart_get_n_values (ENTENTE_CHART (map_chart)), ==, 2);
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (map_chart)), ==,
                   "2 results; the latest 81%, the best 81%, the average of the last 2 66%.");
  g_assert_cmpuint (entente_chart_get_n_values (ENTENTE_CHART (exam_chart)), ==, 4);

  /* The table: a row per result, in time order. */
  value = entente_test_find_label (exam_card, "90% (9 of 10 right)");
  g_assert_nonnull (value);
  g_assert_false (gtk_widget_get_mapped (value));
  g_assert_nonnull (entente_test_find_label (exam_card, "50% (1 of 2 right)"));
  g_assert_null (entente_test_find_label (exam_card, "0% (0 of 0 right)"));
  gtk_toggle_button_set_active (toggle_in (map_card, "Show as Table"), TRUE);
  gtk_toggle_button_set_active (toggle_in (exam_card, "Show as Table"), TRUE);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (value));
  g_assert_false (gtk_widget_get_mapped (exam_chart));
  g_assert_nonnull (entente_test_find_label (exam_card, "26 November 2026, 12:00"));

  /* Screenshots of the score cards alone. */
  gtk_toggle_button_set_active (toggle_in (exam_card, "Show as Table"), FALSE);
  gtk_toggle_button_set_active (toggle_in (map_card, "Show as Table"), FALSE);
  gtk_widget_set_visible (card_of (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_FORECAST)), FALSE);
  gtk_widget_set_visible (card_of (entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS)), FALSE);
  gtk_widget_set_visible (card_of (entente_test_find_label (root, "True Retention")), FALSE);
  gtk_widget_set_visible (card_of (entente_test_find_label (root, "Mastery per Section")), FALSE);
  entente_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (exam_chart));
  g_assert_true (gtk_widget_get_mapped (map_chart));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-scores");
}

/* Results without reviews still show the page, with their cards. */
static void
test_stats_page_scores_only (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *map_chart = entente_stats_page_get_score_chart (fixture->page, ENTENTE_PROGRESS_RESULT_MAP_QUIZ);

  show (fixture);
  g_assert_false (entente_stats_page_has_data (fixture->page));
  add_result (fixture, ENTENTE_PROGRESS_RESULT_MAP_QUIZ, HOUR_MS, 3, 4);
  entente_test_iterate (50);
  g_assert_true (entente_stats_page_has_data (fixture->page));
  g_assert_true (gtk_widget_get_visible (card_of (map_chart)));
  g_assert_false (gtk_widget_get_visible (card_of (entente_stats_page_get_score_chart (fixture->page, ENTENTE_PROGRESS_RESULT_EXAM))));
  g_assert_cmpstr (entente_chart_get_summary (ENTENTE_CHART (map_chart)), ==,
                   "1 result; the latest 75%, the best 75%, the average of the last 1 75%.");
}

static void
test_stats_page_dark_narrow (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *chart;

  fill (fixture);
  show (fixture);

  entente_test_set_dark (TRUE);
  entente_test_iterate (50);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-dark");

  entente_test_resize (fixture->window, 360, 900);
  entente_test_iterate (50);
  chart = entente_stats_page_get_chart (fixture->page, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  /* The chart fits the narrow window: no horizontal scrolling, nothing cut off. */
  g_assert_cmpint (gtk_widget_get_width (chart), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (chart), >, 200);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-narrow-dark");
  entente_test_set_dark (FALSE);
  entente_test_iterate (50);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "stats-page-narrow");
}

int
main (int   argc,
      char *argv[])
{
  entente_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/entente/stats-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("numbers", test_stats_page_numbers);
  ADD ("table", test_stats_page_table);
  ADD ("empty", test_stats_page_empty);
  ADD ("show-section", test_stats_page_show_section);
  ADD ("refresh", test_stats_page_refresh);
  ADD ("dark-narrow", test_stats_page_dark_narrow);
  ADD ("scores", test_stats_page_scores);
  ADD ("scores-only", test_stats_page_scores_only);

  return g_test_run ();
}
