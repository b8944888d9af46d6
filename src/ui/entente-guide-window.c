/* entente-guide-window.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-guide-window.h"
#include "entente-question-view.h"

struct _EntenteGuideWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (EntenteGuideWindow, entente_guide_window, ADW_TYPE_WINDOW)

/* Inline Markdown (**bold**, *italic*, `code`, [text](link)) as Pango markup. */
static char *
inline_markup (const char *text)
{
  static GRegex *bold, *italic, *code, *link;
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  if (g_once_init_enter (&bold))
    {
      link = g_regex_new ("\\[([^\\]]+)\\]\\([^)]+\\)", G_REGEX_OPTIMIZE, 0, NULL);
      code = g_regex_new ("`([^`]+)`", G_REGEX_OPTIMIZE, 0, NULL);
      italic = g_regex_new ("(?<![*\\w])\\*([^*]+)\\*(?![*\\w])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&bold, g_regex_new ("\\*\\*([^*]+)\\*\\*", G_REGEX_OPTIMIZE, 0, NULL));
    }

  a = g_regex_replace (link, escaped, -1, 0, "\\1", 0, NULL);
  b = g_regex_replace (code, a, -1, 0, "<tt>\\1</tt>", 0, NULL);
  c = g_regex_replace (bold, b, -1, 0, "<b>\\1</b>", 0, NULL);
  return g_regex_replace (italic, c, -1, 0, "<i>\\1</i>", 0, NULL);
}

static void
flush (GPtrArray  *blocks,
       const char *kind,
       GString    *text)
{
  g_autofree char *markup = NULL;

  if (text->len == 0)
    return;

  markup = inline_markup (text->str);
  g_ptr_array_add (blocks, g_strconcat (kind, markup, NULL));
  g_string_truncate (text, 0);
}

GPtrArray *
entente_guide_parse (const char *markdown)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *kind = "p:";

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *stripped = g_strstrip (g_strdup (line));

      if (stripped[0] == '\0')
        {
          flush (blocks, kind, text);
          kind = "p:";
        }
      else if (g_str_has_prefix (line, "# "))
        {
          flush (blocks, kind, text);
          g_string_append (text, line + 2);
          flush (blocks, "h1:", text);
          kind = "p:";
        }
      else if (g_str_has_prefix (line, "## "))
        {
          flush (blocks, kind, text);
          g_string_append (text, line + 3);
          flush (blocks, "h2:", text);
          kind = "p:";
        }
      else if (g_str_has_prefix (line, "- "))
        {
          flush (blocks, kind, text);
          kind = "li:";
          g_string_append (text, line + 2);
        }
      else
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, stripped);
        }
    }
  flush (blocks, kind, text);

  return blocks;
}

static GtkWidget *
block_label (const char *markup,
             const char *css_class)
{
  GtkWidget *label = entente_wrapped_label_new (NULL, css_class);

  gtk_label_set_markup (GTK_LABEL (label), markup);

  return label;
}

static void
entente_guide_window_class_init (EntenteGuideWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
entente_guide_window_init (EntenteGuideWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Entente User Guide"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);

  gtk_widget_set_margin_top (column, 24);
  gtk_widget_set_margin_bottom (column, 24);
  gtk_widget_set_margin_start (column, 18);
  gtk_widget_set_margin_end (column, 18);

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/docs/user-guide.md", 0, NULL);
  blocks = entente_guide_parse (bytes != NULL ? g_bytes_get_data (bytes, NULL) : "");
  for (guint i = 0; i < blocks->len; i++)
    {
      const char *block = blocks->pdata[i];
      GtkWidget *label;

      if (g_str_has_prefix (block, "h1:"))
        label = block_label (block + 3, "title-1");
      else if (g_str_has_prefix (block, "h2:"))
        {
          label = block_label (block + 3, "title-3");
          gtk_widget_set_margin_top (label, 12);
        }
      else if (g_str_has_prefix (block, "li:"))
        {
          g_autofree char *item = g_strconcat ("•  ", block + 3, NULL);

          label = block_label (item, NULL);
          gtk_widget_set_margin_start (label, 12);
        }
      else
        label = block_label (block + 2, NULL);

      gtk_box_append (GTK_BOX (column), label);
    }

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 680);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
entente_guide_window_new (GtkWindow *parent)
{
  return g_object_new (ENTENTE_TYPE_GUIDE_WINDOW,
                       "transient-for", parent,
                       NULL);
}
