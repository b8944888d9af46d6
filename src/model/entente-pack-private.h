/* entente-pack-private.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "entente-card-list.h"
#include "entente-model-private.h"
#include "entente-pack.h"

G_BEGIN_DECLS

struct _EntentePack
{
  GObject              parent_instance;

  EntenteStrings      *strings;
  GFile               *file;

  const char          *id;
  const char          *title;
  const char          *subtitle;
  const char          *language;
  EntenteDate          as_of;
  const char          *abstract;
  const char         **keywords;
  const char          *source_citation;
  const char          *source_url;
  int                  source_year;
  EntenteOrganization *organization;

  EntenteObjectList   *authors;
  EntenteObjectList   *outline;
  EntenteObjectList   *members;
  EntenteObjectList   *events;
  EntenteObjectList   *terms;
  EntenteCardList     *cards;
  EntenteObjectList   *references;
  EntenteObjectList   *corrections;

  /* Every section, depth first. */
  GPtrArray           *sections;

  /* id or code -> object; the keys are the objects' own strings. Cards map to their
   * position in @cards, plus one. */
  GHashTable          *sections_by_id;
  GHashTable          *members_by_code;
  GHashTable          *events_by_id;
  GHashTable          *terms_by_id;
  GHashTable          *cards_by_id;
  GHashTable          *references_by_id;
};

EntentePack *_entente_pack_new             (EntenteStrings *strings);

G_END_DECLS
