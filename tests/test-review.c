/* test-review.c: the Review page under Xvfb — today's counts, each kind of card, grades
 * committed to the progress store, undo, typed answers, a section's session and the
 * summary — with screenshots.
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-application.h"
#include "entente-map-view.h"
#include "entente-question-view.h"
#include "entente-pack-loader.h"
#include "entente-progress-store.h"
#include "entente-review-page.h"
#include "entente-test-ui.h"
#include "entente-window.h"

static EntenteApplication *app;

typedef struct
{
  GtkWindow            *window;
  EntenteReviewPage    *page;
  EntentePack          *pack;
  EntenteProgressStore *store;
} Fixture;

static EntentePack *
load_pack_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntentePack *pack = entente_pack_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "review-test", "progress.db", NULL);

  g_settings_reset (settings, "type-answers");
  g_settings_reset (settings, "new-cards-per-day");

  fixture->store = entente_progress_store_open (path, &error);
  g_assert_no_error (error);
  fixture->pack = load_pack_file ("review-fixture.json");
  fixture->page = ENTENTE_REVIEW_PAGE (entente_review_page_new ());
  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 900, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
  entente_review_page_set_store (fixture->page, fixture->store);
  entente_review_page_set_pack (fixture->page, fixture->pack);
  entente_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->store);
  entente_test_iterate (20);
}

static const char *
card_id (Fixture *fixture)
{
  EntenteCard *card = entente_review_page_get_card (fixture->page);

  return card != NULL ? entente_card_get_id (card) : NULL;
}

static gboolean
press (Fixture *fixture,
       guint    keyval,
       GdkModifierType mods)
{
  gboolean handled = entente_test_activate_shortcut (GTK_WIDGET (fixture->page), keyval, mods);

  entente_test_iterate (30);
  return handled;
}

static gboolean
has_state (Fixture    *fixture,
           const char *id,
           EntenteFsrsCard *out)
{
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard card;
  gboolean found = entente_progress_store_lookup_card (fixture->store, "review-fixture", id,
                                                       out != NULL ? out : &card, &error);

  g_assert_no_error (error);
  return found;
}

static guint count_reviews_cb_n;

static gboolean
count_reviews_cb (const EntenteProgressReview *review,
                  gpointer                     user_data)
{
  EntenteFsrsRating *last = user_data;

  count_reviews_cb_n++;
  *last = review->log.rating;
  return TRUE;
}

static guint
count_reviews (Fixture           *fixture,
               EntenteFsrsRating *last_rating)
{
  g_autoptr(GError) error = NULL;
  EntenteFsrsRating last = 0;

  count_reviews_cb_n = 0;
  entente_progress_store_foreach_review (fixture->store, "review-fixture", count_reviews_cb, &last, &error);
  g_assert_no_error (error);
  if (last_rating != NULL)
    *last_rating = last;

  return count_reviews_cb_n;
}

static void
test_review_today (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_TODAY);
  g_assert_nonnull (entente_test_find_label (root, "5 Cards for Today"));
  g_assert_nonnull (entente_test_find_label (root, "New"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-today");

  /* The daily limit of new cards applies. */
  g_settings_set_uint (settings, "new-cards-per-day", 2);
  entente_review_page_set_pack (fixture->page, NULL);
  entente_review_page_set_pack (fixture->page, fixture->pack);
  g_assert_nonnull (entente_test_find_label (root, "2 Cards for Today"));
  g_settings_reset (settings, "new-cards-per-day");
}

/* The status page shown in @root, or NULL. */
static AdwStatusPage *
find_mapped_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    return ADW_STATUS_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_mapped_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_review_session (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  EntenteFsrsRating last = 0;
  EntenteFsrsCard state;
  GtkWidget *map;
  double x, y;

  g_assert_true (gtk_widget_activate_action (root, "review.start", NULL));
  entente_test_iterate (50);

  /* New cards come in the pack's order: first the basic card, its answer hidden. */
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_QUESTION);
  g_assert_cmpstr (card_id (fixture), ==, "card-paris");
  g_assert_nonnull (entente_test_find_label (root, "What is the capital of France?"));
  g_assert_null (entente_test_find_label (root, "Paris"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-question");

  /* Space shows the answer, with each grade's next interval. */
  g_assert_true (press (fixture, GDK_KEY_space, 0));
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_ANSWER);
  g_assert_nonnull (entente_test_find_label (root, "Paris"));
  g_assert_nonnull (entente_test_find_label (root, "Paris has been the capital since the tenth century."));
  g_assert_nonnull (entente_test_find_label (root, "1 min"));
  g_assert_nonnull (entente_test_find_label (root, "10 min"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-answer");
  g_assert_false (has_state (fixture, "card-paris", NULL));

  /* 3 grades Good: committed before the next card shows. */
  g_assert_true (press (fixture, GDK_KEY_3, 0));
  g_assert_true (has_state (fixture, "card-paris", &state));
  g_assert_cmpint (state.state, ==, ENTENTE_FSRS_STATE_LEARNING);
  g_assert_cmpuint (count_reviews (fixture, &last), ==, 1);
  g_assert_cmpint (last, ==, ENTENTE_FSRS_RATING_GOOD);
  g_assert_cmpuint (entente_review_page_get_n_reviewed (fixture->page), ==, 1);

  /* The choice card: a wrong pick (2) is graded Again at once and shows the answer. */
  g_assert_cmpstr (card_id (fixture), ==, "card-berlin");
  g_assert_true (press (fixture, GDK_KEY_2, 0));
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_ANSWER);
  g_assert_cmpuint (count_reviews (fixture, &last), ==, 2);
  g_assert_cmpint (last, ==, ENTENTE_FSRS_RATING_AGAIN);
  g_assert_nonnull (entente_test_find_label (root, "Not quite: the answer is “Berlin”"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-choice-wrong");
  g_assert_true (press (fixture, GDK_KEY_space, 0));

  /* The cloze card: the gap hidden, then shown. */
  g_assert_cmpstr (card_id (fixture), ==, "card-warsaw");
  g_assert_null (entente_test_find_label (root, "The capital of Poland is Warsaw."));
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  g_assert_nonnull (entente_test_find_label (root, "The capital of Poland is Warsaw."));
  g_assert_true (press (fixture, GDK_KEY_4, 0));
  g_assert_true (has_state (fixture, "card-warsaw", &state));
  g_assert_cmpint (state.state, ==, ENTENTE_FSRS_STATE_REVIEW);

  /* The map card: answered by clicking the country. */
  g_assert_cmpstr (card_id (fixture), ==, "card-map-poland");
  map = entente_review_page_get_map_view (fixture->page);
  g_assert_nonnull (map);
  entente_test_iterate (300);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-map");
  g_assert_true (entente_map_view_get_country_point (ENTENTE_MAP_VIEW (map), "DE", &x, &y));
  g_signal_emit_by_name (map, "country-activated", "DE");
  entente_test_iterate (100);
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_ANSWER);
  g_assert_cmpuint (count_reviews (fixture, &last), ==, 4);
  g_assert_cmpint (last, ==, ENTENTE_FSRS_RATING_AGAIN);
  /* Both are shown: the right state outlined, the wrong one named. */
  g_assert_cmpstr (entente_map_view_get_selected_code (ENTENTE_MAP_VIEW (map)), ==, "PL");
  g_assert_cmpstr (entente_map_view_get_marked_code (ENTENTE_MAP_VIEW (map)), ==, "DE");
  g_assert_nonnull (entente_test_find_label (root, "Not quite: you picked Germany, outlined dashed; the answer, outlined, is Poland"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-map-wrong");

  /* Ctrl+Z undoes that grade: the review leaves the log and the card is asked again. */
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (count_reviews (fixture, NULL), ==, 3);
  g_assert_false (has_state (fixture, "card-map-poland", NULL));
  g_assert_cmpstr (card_id (fixture), ==, "card-map-poland");
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_QUESTION);
  /* This time from the list of states under the map, the way a screen reader does: the
   * same answer as a click on the map. */
  map = entente_review_page_get_map_view (fixture->page);
  {
    GtkWidget *list = entente_question_view_get_state_list (
      ENTENTE_QUESTION_VIEW (gtk_widget_get_ancestor (map, ENTENTE_TYPE_QUESTION_VIEW)));
    GtkWidget *row = gtk_widget_get_first_child (list);

    while (row != NULL && entente_test_find_label (row, "Poland") == NULL)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_activate_action (row, "state.pick", NULL));
  }
  entente_test_iterate (50);
  g_assert_nonnull (entente_test_find_label (root, "Correct: Poland"));
  g_assert_cmpstr (entente_map_view_get_selected_code (ENTENTE_MAP_VIEW (map)), ==, "PL");
  g_assert_null (entente_map_view_get_marked_code (ENTENTE_MAP_VIEW (map)));
  count_reviews (fixture, &last);
  g_assert_cmpint (last, ==, ENTENTE_FSRS_RATING_GOOD);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));

  /* The last new card, then the learning steps due within minutes come back. */
  g_assert_cmpstr (card_id (fixture), ==, "card-council");
  g_assert_true (press (fixture, GDK_KEY_space, 0));
  g_assert_true (press (fixture, GDK_KEY_1, 0));
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_QUESTION);
  g_assert_true (g_str_has_prefix (card_id (fixture), "card-"));

  /* Escape ends the session with its summary: ended, not complete, with what is left. */
  g_assert_true (press (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_DONE);
  g_assert_cmpuint (entente_review_page_get_n_reviewed (fixture->page), ==, 5);
  g_assert_cmpuint (count_reviews (fixture, NULL), ==, 5);
  g_assert_nonnull (entente_test_find_label (root, "Session Ended"));
  g_assert_null (entente_test_find_label (root, "Session Complete"));
  {
    const char *summary = adw_status_page_get_description (find_mapped_status_page (root));

    /* The four cards still in learning steps of minutes would have come back. */
    g_assert_nonnull (strstr (summary, "4 cards are left for today."));
    g_assert_null (strstr (summary, "The next card is due"));
  }
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-done");

  /* Back to today: nothing new is left, and today's reviews are counted. */
  g_assert_true (gtk_widget_activate_action (root, "review.finish", NULL));
  entente_test_iterate (50);
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_TODAY);
  g_assert_nonnull (entente_test_find_label (root, "Reviewed today"));
}

static void
test_review_typed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *focus;

  g_settings_set_boolean (settings, "type-answers", TRUE);
  g_assert_true (gtk_widget_activate_action (root, "review.start", NULL));
  entente_test_iterate (50);
  g_assert_cmpstr (card_id (fixture), ==, "card-paris");

  /* Case, accents, punctuation and spaces do not count; digits typed are text. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_false (press (fixture, GDK_KEY_3, 0));
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_QUESTION);
  gtk_editable_set_text (GTK_EDITABLE (focus), "  PÂRIS!! ");
  g_signal_emit_by_name (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY), "activate");
  entente_test_iterate (50);
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_ANSWER);
  g_assert_nonnull (entente_test_find_label (root, "Correct"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-typed");
  g_assert_true (press (fixture, GDK_KEY_3, 0));
  g_assert_true (has_state (fixture, "card-paris", NULL));
  g_assert_cmpstr (card_id (fixture), ==, "card-berlin");
  g_settings_reset (settings, "type-answers");
}

static void
test_review_typed_wrong (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *focus;

  g_settings_set_boolean (settings, "type-answers", TRUE);
  g_assert_true (gtk_widget_activate_action (root, "review.start", NULL));
  entente_test_iterate (50);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Париж");
  g_signal_emit_by_name (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY), "activate");
  entente_test_iterate (50);
  g_assert_nonnull (entente_test_find_label (root, "Not quite: you typed “Париж”"));
  /* Enter takes the suggested grade, Again, from the focused button. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "review.grade");
  g_assert_cmpint (g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus))), ==, 1);
  g_settings_reset (settings, "type-answers");
}

static void
test_review_section (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = entente_review_collect_section_cards (fixture->pack, "capitals");
  GtkWidget *root = GTK_WIDGET (fixture->page);

  /* The section's own cards and its subsection's, in pack order. */
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpstr (ids->pdata[0], ==, "card-paris");
  g_assert_cmpstr (ids->pdata[3], ==, "card-map-poland");
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = entente_review_collect_section_cards (fixture->pack, "institutions");
  g_assert_cmpuint (ids->len, ==, 1);

  entente_review_page_start_section (fixture->page, "institutions");
  entente_test_iterate (50);
  g_assert_cmpstr (card_id (fixture), ==, "card-council");
  g_assert_nonnull (entente_test_find_label (root, "Institutions · 0 reviewed"));
  g_assert_true (press (fixture, GDK_KEY_space, 0));
  g_assert_true (press (fixture, GDK_KEY_4, 0));
  /* Easy on a new card schedules it days away: the session is over, and complete. */
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_DONE);
  g_assert_nonnull (entente_test_find_label (root, "Session Complete"));
  g_assert_null (entente_test_find_label (root, "Session Ended"));
}

static void
test_review_no_store (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);

  entente_review_page_set_store (fixture->page, NULL);
  g_assert_nonnull (entente_test_find_label (root, "Progress cannot be saved, so reviews are off."));
  g_assert_false (gtk_widget_activate_action (root, "review.start", NULL) &&
                  entente_review_page_get_phase (fixture->page) != ENTENTE_REVIEW_PHASE_TODAY);
  g_assert_cmpint (entente_review_page_get_phase (fixture->page), ==, ENTENTE_REVIEW_PHASE_TODAY);
}

static void
test_review_dark_narrow (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);

  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-today-dark");
  g_assert_true (gtk_widget_activate_action (root, "review.start", NULL));
  entente_test_iterate (50);
  g_assert_true (press (fixture, GDK_KEY_space, 0));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-answer-dark");
  entente_test_set_dark (FALSE);

  entente_test_resize (fixture->window, 360, 640);
  g_assert_cmpint (gtk_widget_get_width (root), ==, 360);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "review-answer-narrow");
}

/* Whether a shown label under @root starts with @prefix. */
static gboolean
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_prefix (child, prefix))
      return TRUE;

  return FALSE;
}

static void
test_review_window (void)
{
  EntenteWindow *window = entente_window_new (app);
  EntenteReviewPage *page = entente_window_get_review_page (window);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *text = NULL;
  EntenteOutlineView *outline;
  GtkWidget *button;
  AdwViewStack *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  entente_test_wait_for_map (GTK_WINDOW (window));
  while (entente_window_get_pack (window) == NULL)
    entente_test_iterate (20);

  g_assert_true (entente_review_page_get_pack (page) == entente_window_get_pack (window));

  /* The page's badge counts today's cards: 20 new ones of the built-in pack. */
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  g_assert_cmpuint (entente_review_page_get_n_today (page), ==, 20);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, GTK_WIDGET (page))),
                    ==, 20);

  /* The outline shows a section's progress, and "Quiz me on this section" starts a
   * session over its cards. */
  outline = entente_window_get_outline_view (window);
  entente_outline_view_set_section_id (outline, "great-powers");
  entente_test_iterate (100);
  ids = entente_review_collect_section_cards (entente_window_get_pack (window), "great-powers");
  g_assert_cmpuint (ids->len, >, 0);
  text = g_strdup_printf ("0 of %u cards learned", ids->len);
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (outline), text));
  button = entente_test_find_label (GTK_WIDGET (outline), "Quiz Me on This Section");
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.quiz-section");
  entente_test_screenshot (GTK_WIDGET (window), "review-outline-cards");
  g_signal_emit_by_name (button, "clicked");
  entente_test_iterate (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "review");
  g_assert_cmpint (entente_review_page_get_phase (page), ==, ENTENTE_REVIEW_PHASE_QUESTION);
  g_assert_cmpstr (entente_card_get_section (entente_review_page_get_card (page)), ==, "great-powers");
  entente_test_screenshot (GTK_WIDGET (window), "review-window-section");

  /* One card answered: the outline counts it as learned. */
  if (entente_card_get_kind (entente_review_page_get_card (page)) == ENTENTE_CARD_KIND_CHOICE)
    gtk_widget_activate_action (GTK_WIDGET (page), "review.choose", "i",
                                entente_card_get_answer_index (entente_review_page_get_card (page)) + 1);
  else if (entente_card_get_kind (entente_review_page_get_card (page)) == ENTENTE_CARD_KIND_MAP)
    g_signal_emit_by_name (entente_review_page_get_map_view (page), "country-activated",
                           entente_card_get_answer_code (entente_review_page_get_card (page)));
  else
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "review.reveal", NULL);
      gtk_widget_activate_action (GTK_WIDGET (page), "review.grade", "i", 3);
    }
  entente_test_iterate (50);
  g_assert_cmpuint (entente_review_page_get_n_reviewed (page), ==, 1);
  g_assert_cmpuint (entente_review_page_get_n_today (page), ==, 19);
  g_free (text);
  text = g_strdup_printf ("1 of %u cards learned", ids->len);
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (outline), text));

  /* Progress written elsewhere (another page, an import) is read again, though the page
   * keeps its own grades without re-reading: a card it had as new comes back as a review
   * due now, which makes one more for today (19 new ones are left, and this one). */
  {
    EntenteProgressStore *store =
      entente_application_get_progress_store (ENTENTE_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
    GListModel *cards = entente_pack_get_cards (entente_window_get_pack (window));
    g_autoptr(EntenteCard) last = g_list_model_get_item (cards, g_list_model_get_n_items (cards) - 1);
    g_autoptr(GError) error = NULL;
    gint64 now = g_get_real_time () / 1000;
    EntenteFsrsCard due;
    EntenteFsrsLog log = { 0 };

    entente_fsrs_card_init (&due, now);
    due.state = ENTENTE_FSRS_STATE_REVIEW;
    due.stability = 3;
    due.difficulty = 5;
    due.reps = 2;
    due.due = now - 60 * 1000;
    due.last_review = now - 3 * 86400 * 1000;
    log.state = ENTENTE_FSRS_STATE_REVIEW;
    log.rating = ENTENTE_FSRS_RATING_GOOD;
    log.review = now - 3 * 86400 * 1000;
    g_assert_cmpint (entente_progress_store_record_review (store, "khan-sultana-sco", entente_card_get_id (last),
                                                           &log, &due, 1000, &error), >, 0);
    g_assert_no_error (error);
    entente_test_iterate (20);
    g_assert_cmpuint (entente_review_page_get_n_today (page), ==, 20);
  }

  /* Progress goes out to a file and comes back without duplicates; a broken file changes
   * nothing and says so. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.json", NULL);
    g_autofree char *broken_path = g_build_filename (g_get_user_data_dir (), "broken.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) broken = g_file_new_for_path (broken_path);

    g_assert_true (entente_window_export_progress (window, file));
    entente_test_iterate (50);
    g_assert_nonnull (entente_test_find_label (GTK_WIDGET (window), "Progress exported to “export.json”"));
    g_assert_true (g_file_query_exists (file, NULL));
    g_assert_true (entente_window_import_progress (window, file));
    entente_test_iterate (50);
    g_assert_nonnull (entente_test_find_label (GTK_WIDGET (window),
                                               "“export.json” holds no reviews that are not here already"));
    g_assert_true (g_file_set_contents (broken_path, "{ \"format\": \"entente-progress\", ", -1, NULL));
    g_assert_false (entente_window_import_progress (window, broken));
    entente_test_iterate (50);
    g_free (text);
    text = g_strdup_printf ("Could not import “%s”: it is not valid JSON", broken_path);
    g_assert_true (find_label_prefix (GTK_WIDGET (window), text));
    entente_test_screenshot (GTK_WIDGET (window), "review-import-refused");
  }

  /* Alt+3 shows the page; Alt+1 goes back to the outline. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "outline");
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "review");

  /* Alt+5: the statistics count the review just done. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_5, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "statistics");
  entente_test_iterate (200);
  g_assert_true (entente_stats_page_has_data (entente_window_get_stats_page (window)));
  entente_test_screenshot (GTK_WIDGET (window), "statistics-window");

  gtk_window_destroy (GTK_WINDOW (window));
  entente_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  entente_test_ui_init (&argc, &argv);

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/entente/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("today", test_review_today);
  ADD ("session", test_review_session);
  ADD ("typed", test_review_typed);
  ADD ("typed-wrong", test_review_typed_wrong);
  ADD ("section", test_review_section);
  ADD ("no-store", test_review_no_store);
  ADD ("dark-narrow", test_review_dark_narrow);
  g_test_add_func ("/entente/review/window", test_review_window);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
