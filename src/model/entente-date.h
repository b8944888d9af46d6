#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_DATE (entente_date_get_type ())

/* A date as the pack format writes it: YYYY, YYYY-MM or YYYY-MM-DD.
 * month and day are 0 when the date does not give them. */
typedef struct
{
  int year;
  int month;
  int day;
} EntenteDate;

GType        entente_date_get_type (void) G_GNUC_CONST;
EntenteDate *entente_date_copy     (const EntenteDate *date);
void         entente_date_free     (EntenteDate       *date);

gboolean     entente_date_parse    (const char        *text,
                                    EntenteDate       *out_date);
gboolean     entente_date_is_set   (const EntenteDate *date);
/* Partial dates sort before full dates of the same period. */
int          entente_date_compare  (const EntenteDate *a,
                                    const EntenteDate *b);
/* "2001", "2001-06", "2001-06-15" */
char        *entente_date_to_string (const EntenteDate *date);
/* Localised for display: "2001", "June 2001", "15 June 2001" */
char        *entente_date_format    (const EntenteDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteDate, entente_date_free)

G_END_DECLS
