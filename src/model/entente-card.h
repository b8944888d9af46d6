#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_CARD_KIND_BASIC,
  ENTENTE_CARD_KIND_CHOICE,
  ENTENTE_CARD_KIND_CLOZE,
  ENTENTE_CARD_KIND_MAP,
} EntenteCardKind;

#define ENTENTE_N_CARD_KINDS (ENTENTE_CARD_KIND_MAP + 1)

const char *entente_card_kind_to_string   (EntenteCardKind  kind);
gboolean    entente_card_kind_from_string (const char      *text,
                                           EntenteCardKind *out_kind);

#define ENTENTE_TYPE_CARD (entente_card_get_type ())

G_DECLARE_FINAL_TYPE (EntenteCard, entente_card, ENTENTE, CARD, GObject)

/* Properties: "id", "kind" (int), "section", "tags", "explanation", and by kind:
 * basic: "front", "back", "accept"; choice: "question", "choices", "answer-index";
 * cloze: "text"; map: "prompt", "answer-code". Keys of other kinds are NULL / -1.
 * "tags" is never NULL (may be empty); "accept" is empty for a basic card without it. */
const char         *entente_card_get_id           (EntenteCard *self);
EntenteCardKind     entente_card_get_kind         (EntenteCard *self);
const char         *entente_card_get_section      (EntenteCard *self);
const char * const *entente_card_get_tags         (EntenteCard *self);
const char         *entente_card_get_explanation  (EntenteCard *self);
const char         *entente_card_get_front        (EntenteCard *self);
const char         *entente_card_get_back         (EntenteCard *self);
const char * const *entente_card_get_accept       (EntenteCard *self);
const char         *entente_card_get_question     (EntenteCard *self);
const char * const *entente_card_get_choices      (EntenteCard *self);
int                 entente_card_get_answer_index (EntenteCard *self);
const char         *entente_card_get_text         (EntenteCard *self);
const char         *entente_card_get_prompt       (EntenteCard *self);
const char         *entente_card_get_answer_code  (EntenteCard *self);

/* Splits cloze text at its gaps: even positions are shown, odd positions are the gaps
 * without their braces ("a {{b}} c" gives "a ", "b", " c"). NULL if @text is not valid
 * cloze text. Free with g_strfreev(). */
char              **entente_card_split_cloze      (const char  *text);

G_END_DECLS
