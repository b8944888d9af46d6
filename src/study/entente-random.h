/* entente-random.h: the study layer's random numbers (private to src/study)
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * splitmix64 (Steele, Lea and Flood 2014): small, fast and the same on every machine, so
 * that the same seed gives the same exam or map quiz everywhere. The sequences are part
 * of what a seed means: changing them changes every exam sat again from its seed.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 state;
} EntenteRandom;

static inline guint64
entente_random_next (EntenteRandom *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in [0, n), without modulo bias; n > 0. */
static inline guint64
entente_random_below (EntenteRandom *random,
                      guint64        n)
{
  guint64 threshold = (-n) % n;

  for (;;)
    {
      guint64 r = entente_random_next (random);

      if (r >= threshold)
        return r % n;
    }
}

G_END_DECLS
