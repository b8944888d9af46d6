#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds text for matching: lower case, accents and other combining marks removed
 * (NFKD, then marks dropped), so "Türkiye" and "TURKIYE" fold alike. */
char     *entente_text_fold            (const char *text);
/* TRUE if @folded_needle (already folded) occurs in @haystack once folded. */
gboolean  entente_text_matches         (const char *haystack,
                                        const char *folded_needle);
/* For typed answers: folded, punctuation removed, white space collapsed and trimmed. */
char     *entente_text_normalize_answer (const char *text);

G_END_DECLS
