/* entente-model-private.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The insides of the model objects, for the loader that builds them. Objects are
 * created empty by their private constructor and filled in before anyone else sees
 * them; after that they never change.
 */

#pragma once

#include <gio/gio.h>

#include "entente-author.h"
#include "entente-card.h"
#include "entente-correction.h"
#include "entente-date.h"
#include "entente-event.h"
#include "entente-member.h"
#include "entente-object-list.h"
#include "entente-organization.h"
#include "entente-reference.h"
#include "entente-section.h"
#include "entente-term.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_DATE_PARSE_OK,
  ENTENTE_DATE_PARSE_MALFORMED, /* not YYYY, YYYY-MM or YYYY-MM-DD */
  ENTENTE_DATE_PARSE_NOT_REAL,  /* well formed, but no such day: 2023-02-30, 0000 */
} EntenteDateParse;

EntenteDateParse _entente_date_parse_full (const char  *text,
                                           EntenteDate *out_date);

/* The strings and small arrays of one pack live in one shared, reference-counted arena:
 * every object holds a reference, so what it shows stays valid as long as the object. */
typedef struct _EntenteStrings EntenteStrings;

EntenteStrings *_entente_strings_new      (void);
EntenteStrings *_entente_strings_ref      (EntenteStrings *strings);
void            _entente_strings_unref    (EntenteStrings *strings);
/* @size bytes aligned to @alignment (a power of two, at most sizeof (gpointer)). */
gpointer        _entente_strings_alloc    (EntenteStrings *strings,
                                           gsize           size,
                                           gsize           alignment);
/* Makes @memory (from g_malloc(), @size bytes, its contents no longer needed) the block
 * that the next strings go in. */
void            _entente_strings_take_memory (EntenteStrings *strings,
                                              gpointer        memory,
                                              gsize           size);
/* A copy of @text that lives as long as @strings. */
const char     *_entente_strings_add      (EntenteStrings *strings,
                                           const char     *text);
const char     *_entente_strings_add_len  (EntenteStrings *strings,
                                           const char     *text,
                                           gsize           length);
/* Room for @n_strings pointers and the NULL after them. */
const char    **_entente_strings_new_strv (EntenteStrings *strings,
                                           gsize           n_strings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteStrings, _entente_strings_unref)

/* An empty, NULL-terminated string array for "never NULL" getters. */
extern const char * const _entente_empty_strv[];

struct _EntenteAuthor
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *name;
  const char     *affiliation;
};

struct _EntenteOrganization
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *name;
  const char     *short_name;
  EntenteDate     founded;
  const char     *headquarters;
  const char     *url;
};

struct _EntenteSection
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *id;
  const char     *title;
  const char     *summary;
  const char     *pages;
  guint           depth;
  /* Position among its siblings (in the outline for a top-level section). */
  guint           index;
  /* Not a reference: the parent owns its children and clears this when it goes. */
  EntenteSection *parent;
  EntenteObjectList *children;
  /* In @strings, like the strings they hold; NULL when empty. */
  const char    **points;
  const char    **members;
  const char    **terms;
  const char    **events;
};

struct _EntenteMember
{
  GObject              parent_instance;
  EntenteStrings      *strings;
  const char          *code;
  const char          *name;
  EntenteMemberStatus  status;
  EntenteDate          joined;
  EntenteDate          left;
  gboolean             founding;
  const char          *capital;
  const char          *summary;
  const char         **facts;
  const char         **sections;
  EntenteStatusPeriod *history;
  guint                n_history;
};

struct _EntenteEvent
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *id;
  EntenteDate     date;
  const char     *title;
  const char     *place;
  const char     *detail;
  const char    **members;
  const char    **sections;
};

struct _EntenteTerm
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *id;
  const char     *term;
  const char     *definition;
  const char    **aliases;
  const char    **sections;
};

/* What a card holds. Cards are most of a big pack, so the loader makes only these (in
 * the pack's arena); the EntenteCard objects are made when someone first asks for them
 * (EntenteCardList). */
typedef struct
{
  const char      *id;
  EntenteCardKind  kind;
  int              answer_index;
  const char      *section;
  const char     **tags;
  const char      *explanation;
  const char      *front;
  const char      *back;
  const char     **accept;
  const char      *question;
  const char     **choices;
  const char      *text;
  const char      *prompt;
  const char      *answer_code;
} EntenteCardData;

struct _EntenteCard
{
  GObject                parent_instance;
  EntenteStrings        *strings;
  const EntenteCardData *data;
};

struct _EntenteReference
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *id;
  const char     *text;
  const char     *url;
};

struct _EntenteCorrection
{
  GObject         parent_instance;
  EntenteStrings *strings;
  const char     *id;
  const char     *section;
  const char     *claim;
  const char     *correction;
  const char     *source;
};

EntenteAuthor       *_entente_author_new       (EntenteStrings *strings);
EntenteOrganization *_entente_organization_new (EntenteStrings *strings);
EntenteSection      *_entente_section_new      (EntenteStrings *strings,
                                                EntenteSection *parent,
                                                guint           index);
/* Appends @child to the children of @self. */
void                 _entente_section_add_child (EntenteSection *self,
                                                 EntenteSection *child);
EntenteMember       *_entente_member_new       (EntenteStrings *strings);
EntenteEvent        *_entente_event_new        (EntenteStrings *strings);
EntenteTerm         *_entente_term_new         (EntenteStrings *strings);
/* Zeroed, in @strings, of kind @kind; its answer index is -1 until set. */
EntenteCardData     *_entente_card_data_new    (EntenteStrings        *strings,
                                                EntenteCardKind        kind);
EntenteCard         *_entente_card_new         (EntenteStrings        *strings,
                                                const EntenteCardData *data);
EntenteReference    *_entente_reference_new    (EntenteStrings *strings);
EntenteCorrection   *_entente_correction_new   (EntenteStrings *strings);

typedef enum
{
  ENTENTE_CLOZE_OK,
  ENTENTE_CLOZE_NO_GAP,    /* no {{…}} at all */
  ENTENTE_CLOZE_EMPTY,     /* {{}} or {{ }} */
  ENTENTE_CLOZE_NESTED,    /* {{ inside a gap */
  ENTENTE_CLOZE_UNOPENED,  /* }} outside a gap */
  ENTENTE_CLOZE_UNCLOSED,  /* {{ never closed */
} EntenteClozeCheck;

/* Checks cloze text; @out_offset is the byte offset of the first problem. */
EntenteClozeCheck    _entente_cloze_check      (const char *text,
                                                guint      *out_n_gaps,
                                                gsize      *out_offset);

G_END_DECLS
