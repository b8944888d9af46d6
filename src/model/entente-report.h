#pragma once

#include <glib-object.h>

#include "entente-card.h"
#include "entente-member.h"

G_BEGIN_DECLS

/* One problem found in a pack: where (JSON path such as "cards[41].answer", or "" for
 * the whole file), what, and for syntax errors the 1-based line and column (0 if unknown).
 * Columns count bytes, as json-glib's do. */
typedef struct
{
  char *path;
  char *message;
  int   line;
  int   column;
} EntenteProblem;

#define ENTENTE_TYPE_PROBLEM (entente_problem_get_type ())
GType           entente_problem_get_type (void) G_GNUC_CONST;
EntenteProblem *entente_problem_copy     (const EntenteProblem *problem);
void            entente_problem_free     (EntenteProblem       *problem);
/* "cards[41].answer: index 5 is out of range (4 choices)", "FILE: PATH: message" with a
 * file, and "FILE:LINE:COLUMN: message" for syntax errors (@filename may be NULL) */
char           *entente_problem_to_string (const EntenteProblem *problem,
                                           const char           *filename);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteProblem, entente_problem_free)

#define ENTENTE_REPORT_MAX_ERRORS 100

/* What entente_report_get_count() counts. */
typedef enum
{
  ENTENTE_COUNT_SECTIONS,    /* every section of the tree, at any depth */
  ENTENTE_COUNT_POINTS,      /* every point of every section */
  ENTENTE_COUNT_MEMBERS,
  ENTENTE_COUNT_EVENTS,
  ENTENTE_COUNT_TERMS,
  ENTENTE_COUNT_CARDS,
  ENTENTE_COUNT_REFERENCES,
  ENTENTE_COUNT_CORRECTIONS,
  ENTENTE_COUNT_AUTHORS,
} EntenteCount;

#define ENTENTE_N_COUNTS (ENTENTE_COUNT_AUTHORS + 1)

/* A stable key for machine-readable output: "sections", "points", "members", "events",
 * "terms", "cards", "references", "corrections", "authors". */
const char     *entente_count_to_string (EntenteCount count);

#define ENTENTE_TYPE_REPORT (entente_report_get_type ())

/* What the loader found: errors (the pack is refused if there is any), warnings
 * (unknown keys and other things that do not refuse a pack), and the counts of what
 * the file holds (counted even for a refused pack, as far as its structure allows). */
G_DECLARE_FINAL_TYPE (EntenteReport, entente_report, ENTENTE, REPORT, GObject)

EntenteReport        *entente_report_new             (void);
guint                 entente_report_get_n_errors    (EntenteReport *self);
const EntenteProblem *entente_report_get_error       (EntenteReport *self,
                                                      guint          index);
/* TRUE when more than ENTENTE_REPORT_MAX_ERRORS problems were found; only the first are kept. */
gboolean              entente_report_get_truncated   (EntenteReport *self);
/* Warnings are kept up to ENTENTE_REPORT_MAX_ERRORS as well. */
guint                 entente_report_get_n_warnings  (EntenteReport *self);
const EntenteProblem *entente_report_get_warning     (EntenteReport *self,
                                                      guint          index);
void                  entente_report_add_error       (EntenteReport *self,
                                                      const char    *path,
                                                      int            line,
                                                      int            column,
                                                      const char    *format,
                                                      ...) G_GNUC_PRINTF (5, 6);
void                  entente_report_add_warning     (EntenteReport *self,
                                                      const char    *path,
                                                      const char    *format,
                                                      ...) G_GNUC_PRINTF (3, 4);

/* Counts of what the file holds: every array element the loader saw, valid or not, as
 * far as the structure allows (a "cards" key that is not an array counts 0 cards). */
guint                 entente_report_get_count       (EntenteReport *self,
                                                      EntenteCount   count);
/* Cards of @kind; cards whose kind is missing or unknown are not counted here. */
guint                 entente_report_get_card_kind_count (EntenteReport   *self,
                                                          EntenteCardKind  kind);
/* Members with @status; members whose status is missing or unknown are not counted here. */
guint                 entente_report_get_member_status_count (EntenteReport       *self,
                                                              EntenteMemberStatus  status);
/* The pack's "id" when the file gave a string there (even an invalid pack), else NULL. */
const char           *entente_report_get_pack_id     (EntenteReport *self);

G_END_DECLS
