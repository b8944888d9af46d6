/* entente-fsrs.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line-by-line port of ts-fsrs 5.4.2 (dist/index.mjs): FSRSAlgorithm, BasicScheduler
 * (short-term steps on), LongTermScheduler (off), BasicLearningStepsStrategy and the
 * default seed strategy with its alea generator. Every expression keeps the order of
 * operations of the JavaScript so that doubles round the same way, and Math.round,
 * toFixed and Number#toString are reproduced exactly where their results matter.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "entente-fsrs.h"

/* ts-fsrs's doubles are rounded after every operation: a fused multiply-add, which GCC
 * makes by default where the processor has one (arm64, or x86-64 built for a newer CPU),
 * would round once for two and could change a result. */
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize ("fp-contract=off")
#endif

#define S_MIN         0.001
#define S_MAX         36500.0
#define MS_PER_MINUTE G_GINT64_CONSTANT (60000)
#define MS_PER_DAY    G_GINT64_CONSTANT (86400000)

static const double default_w[ENTENTE_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* ts-fsrs's CLAMP_PARAMETERS, with the ceiling of w[17] and w[18] filled in later. */
static const double clamp_ranges[ENTENTE_FSRS_N_WEIGHTS][2] = {
  { S_MIN, 100 }, { S_MIN, 100 }, { S_MIN, 100 }, { S_MIN, 100 }, { 1, 10 },
  { 0.001, 4 }, { 0.001, 4 }, { 0.001, 0.75 }, { 0, 4.5 }, { 0, 0.8 }, { 0.001, 3.5 },
  { 0.001, 5 }, { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 }, { 0, 1 }, { 1, 6 },
  { 0, 2 }, { 0, 2 }, { 0.01, 0.8 }, { 0.1, 0.8 },
};

typedef struct
{
  double difficulty;
  double stability;
} Memory;

/* One review in progress: ts-fsrs's AbstractScheduler after init(). */
typedef struct
{
  const EntenteFsrsParams *params;
  EntenteFsrsCard          last;         /* a copy: @next may be the card itself */
  EntenteFsrsCard          current;
  gint64                   now;
  guint                    elapsed_days;
  double                   decay;
  double                   factor;
  double                   interval_modifier;
  gboolean                 have_fuzz_factor;
  double                   fuzz_factor;
  double                   exp_w8;       /* NAN until needed */
  double                   d0_easy;      /* NAN until needed */
  double                   recall_base;  /* NAN until needed */
} Review;

/* Math.round: the nearest integer, halves rounded up (C's round() rounds them away from 0). */
static inline double G_GNUC_CONST
js_round (double x)
{
  double r = floor (x);

  if (x - r >= 0.5)
    r += 1.0;

  return r;
}

/* ts-fsrs's roundTo (x, 8). */
static inline double G_GNUC_CONST
round8 (double x)
{
  return js_round (x * 1e8) / 1e8;
}

/* +x.toFixed (8): the exact value of x rounded to 8 decimals, halves up. The product
 * x * 1e8 is rounded, so its rounding error (exact through fma) settles the halves. */
static double G_GNUC_CONST
js_to_fixed8 (double x)
{
  double p, err, n, d;

  if (!(x >= 0) || x >= 1e21)
    return x;

  p = x * 1e8;
  err = fma (x, 1e8, -p);
  n = floor (p);
  d = (p - n) - 0.5;
  if (d + err >= 0)
    n += 1.0;

  return n / 1e8;
}

/* Math.max and Math.min, for numbers that are never NaN here. */
static inline double G_GNUC_CONST
js_max (double a,
        double b)
{
  return a > b ? a : b;
}

static inline double G_GNUC_CONST
js_min (double a,
        double b)
{
  return a < b ? a : b;
}

static inline double G_GNUC_CONST
clamp_double (double value,
              double min,
              double max)
{
  return js_min (js_max (value, min), max);
}

/* ToUint32 of a non-negative finite double below 2^64. */
static inline double G_GNUC_CONST
to_uint32 (double x)
{
  return (double) (guint32) (guint64) x;
}

/* Alea's Mash, over a string of ASCII characters. */
static double
mash (double     *n,
      const char *data,
      gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      double h;

      *n += (guchar) data[i];
      h = 0.02519603282416938 * *n;
      *n = to_uint32 (h);
      h -= *n;
      h *= *n;
      *n = to_uint32 (h);
      h -= *n;
      *n += h * 4294967296.0;
    }

  return to_uint32 (*n) * 23283064365386963e-26;
}

/* The first number of alea (seed)(): only s0 of the generator's state reaches it. */
static double
alea_first (const char *seed,
            gsize       len)
{
  double n = 4022871197.0;
  double s0, t;

  s0 = mash (&n, " ", 1);
  mash (&n, " ", 1);
  mash (&n, " ", 1);
  s0 -= mash (&n, seed, len);
  if (s0 < 0)
    s0 += 1;

  t = 2091639 * s0 + 1 * 23283064365386963e-26;

  return t - (double) (gint32) t;
}

static gboolean
reads_back (guint64 mantissa,
            int     exp10,
            double  x)
{
  char buf[48];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT "e%d", mantissa, exp10);

  return g_ascii_strtod (buf, NULL) == x;
}

/* A decimal of @prec significant digits, mantissa * 10^exp10, that reads back as @x > 0,
 * the closest one when there are several: the correctly rounded one, or next to a power
 * of two (where doubles are spaced unevenly) maybe its neighbour on the side of @x. */
static gboolean
decimal_at_precision (double   x,
                      int      prec,
                      guint64 *mantissa,
                      int     *exp10)
{
  char fmt[8];
  char tmp[G_ASCII_DTOSTR_BUF_SIZE];
  const char *p;
  guint64 m = 0;
  int e;
  double back;

  g_snprintf (fmt, sizeof fmt, "%%.%de", prec - 1);
  g_ascii_formatd (tmp, sizeof tmp, fmt, x);
  for (p = tmp; *p != '\0' && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      m = m * 10 + (guint64) (*p - '0');
  if (*p != 'e')
    return FALSE;
  e = atoi (p + 1) - (prec - 1);

  back = g_ascii_strtod (tmp, NULL);
  if (back != x)
    {
      if (back > x && m > 1 && reads_back (m - 1, e, x))
        m -= 1;
      else if (back < x && reads_back (m + 1, e, x))
        m += 1;
      else
        return FALSE;
    }

  *mantissa = m;
  *exp10 = e;

  return TRUE;
}

#ifdef __SIZEOF_INT128__
typedef unsigned __int128 guint128;

static const guint64 powers_of_ten[] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000), G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
  G_GUINT64_CONSTANT (10000000000000000), G_GUINT64_CONSTANT (100000000000000000),
  G_GUINT64_CONSTANT (1000000000000000000), G_GUINT64_CONSTANT (10000000000000000000),
};

/* The sign of m / 2^shift - 10^k, for the k of [0.001, 10^6). */
static int
compare_power_of_ten (guint64 m,
                      int     shift,
                      int     k)
{
  guint128 a, b;

  if (k >= 0)
    {
      a = m;
      b = (guint128) powers_of_ten[k] << shift;
    }
  else
    {
      a = (guint128) m * powers_of_ten[-k];
      b = (guint128) 1 << shift;
    }

  return a < b ? -1 : a > b;
}

/* The shortest decimal for @x in [0.001, 10^6), in exact integer arithmetic: the seed of
 * every fuzzed review needs one, and printf and strtod cost microseconds each. With
 * x = m / 2^shift, a candidate C * 10^e reads back as x when it lies within half the gap
 * to x's neighbours (the gap below a power of two is half as wide; halfway rounds to the
 * even mantissa). Scaled by 10^-e, x is num / den and the half gap 1 / (2 den) times g,
 * with g = 10^-e when e < 0 and 1 otherwise; every number stays below 2^120. */
static gboolean
shortest_decimal_fast (double   x,
                       guint64 *mantissa,
                       int     *exp10)
{
  int binary_exp, shift, e10;
  guint64 m;
  gboolean inclusive;
  guint128 below_factor;

  if (!(x >= 0.001 && x < 1e6))
    return FALSE;

  m = (guint64) ldexp (frexp (x, &binary_exp), 53);
  shift = 53 - binary_exp;
  inclusive = (m & 1) == 0;
  below_factor = m == G_GUINT64_CONSTANT (1) << 52 ? 4 : 2;

  /* floor (log10 (x)), made exact. */
  e10 = CLAMP ((int) floor (log10 (x)), -3, 5);
  while (e10 > -3 && compare_power_of_ten (m, shift, e10) < 0)
    e10--;
  while (e10 < 5 && compare_power_of_ten (m, shift, e10 + 1) >= 0)
    e10++;

  for (int prec = 1; prec <= 17; prec++)
    {
      int e = e10 - prec + 1;
      guint128 num, den, g, c, rem, above;
      gboolean floor_ok, ceil_ok;

      if (e < -19)
        break;

      if (e < 0)
        {
          num = (guint128) m * powers_of_ten[-e];
          den = (guint128) 1 << shift;
          g = powers_of_ten[-e];
        }
      else
        {
          num = m;
          den = (guint128) powers_of_ten[e] << shift;
          g = 1;
        }
      c = num / den;
      rem = num - c * den;
      above = den - rem;

      floor_ok = rem == 0 || (inclusive ? below_factor * rem <= g : below_factor * rem < g);
      ceil_ok = inclusive ? 2 * above <= g : 2 * above < g;

      if (floor_ok && ceil_ok)
        {
          /* Both read back: the closer wins, and at a tie the even one. */
          if (2 * rem < den || (2 * rem == den && (c & 1) == 0))
            ceil_ok = FALSE;
          else
            floor_ok = FALSE;
        }
      if (floor_ok || ceil_ok)
        {
          *mantissa = (guint64) (floor_ok ? c : c + 1);
          *exp10 = e;
          return TRUE;
        }
    }

  return FALSE;
}
#endif

/* A short string built in place, for the fuzz seed; what does not fit is cut off. */
typedef struct
{
  char  str[96];
  gsize len;
} Text;

static inline void
text_append_len (Text       *text,
                 const char *s,
                 gsize       len)
{
  len = MIN (len, sizeof text->str - 1 - text->len);
  memcpy (text->str + text->len, s, len);
  text->len += len;
  text->str[text->len] = '\0';
}

static inline void
text_append_c (Text *text,
               char  c)
{
  text_append_len (text, &c, 1);
}

static void
text_append_uint (Text    *text,
                  guint64  value)
{
  char digits[24];
  gsize i = sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);

  text_append_len (text, digits + i, sizeof digits - i);
}

static void
text_append_int (Text   *text,
                 gint64  value)
{
  if (value < 0)
    {
      text_append_c (text, '-');
      text_append_uint (text, (guint64) 0 - (guint64) value);
    }
  else
    {
      text_append_uint (text, (guint64) value);
    }
}

/* Appends Number#toString of @x: the fewest digits that read back as @x, laid out as
 * JavaScript does (plain from 1e-6 up to 1e21, exponential outside). */
static void
text_append_js_number (Text   *text,
                       double  x)
{
  Text digits = { "", 0 };
  guint64 mantissa = 0;
  int exp10 = 0;
  int k, n;

  if (x == 0)
    {
      text_append_c (text, '0');
      return;
    }
  if (isnan (x))
    {
      text_append_len (text, "NaN", 3);
      return;
    }
  if (x < 0)
    {
      text_append_c (text, '-');
      x = -x;
    }
  if (isinf (x))
    {
      text_append_len (text, "Infinity", 8);
      return;
    }

#ifdef __SIZEOF_INT128__
  if (!shortest_decimal_fast (x, &mantissa, &exp10))
#endif
    {
      /* Seventeen digits always read back; fewer do down to some precision, and stop. */
      decimal_at_precision (x, 17, &mantissa, &exp10);
      for (int prec = 16; prec >= 1; prec--)
        {
          guint64 m;
          int e;

          if (!decimal_at_precision (x, prec, &m, &e))
            break;
          mantissa = m;
          exp10 = e;
        }
    }

  while (mantissa >= 10 && mantissa % 10 == 0)
    {
      mantissa /= 10;
      exp10++;
    }
  text_append_uint (&digits, mantissa);
  k = (int) digits.len;
  n = k + exp10;

  if (k <= n && n <= 21)
    {
      text_append_len (text, digits.str, k);
      for (int i = k; i < n; i++)
        text_append_c (text, '0');
    }
  else if (0 < n && n <= 21)
    {
      text_append_len (text, digits.str, n);
      text_append_c (text, '.');
      text_append_len (text, digits.str + n, k - n);
    }
  else if (-6 < n && n <= 0)
    {
      text_append_len (text, "0.", 2);
      for (int i = n; i < 0; i++)
        text_append_c (text, '0');
      text_append_len (text, digits.str, k);
    }
  else
    {
      text_append_c (text, digits.str[0]);
      if (k > 1)
        {
          text_append_c (text, '.');
          text_append_len (text, digits.str + 1, k - 1);
        }
      text_append_c (text, 'e');
      text_append_c (text, n - 1 < 0 ? '-' : '+');
      text_append_uint (text, (guint64) ABS (n - 1));
    }
}

/* dateDiffInDays: the difference between the UTC calendar days of two times. */
static inline gint64 G_GNUC_CONST
utc_day_diff (gint64 last,
              gint64 cur)
{
  gint64 day1 = last / MS_PER_DAY - (last % MS_PER_DAY < 0 ? 1 : 0);
  gint64 day2 = cur / MS_PER_DAY - (cur % MS_PER_DAY < 0 ? 1 : 0);

  return day2 - day1;
}

/* computeDecayFactor */
static inline void
decay_factor (const EntenteFsrsParams *params,
              double                  *decay,
              double                  *factor)
{
  *decay = -params->w[20];
  *factor = round8 (exp ((1.0 / *decay) * log (0.9)) - 1);
}

/* computeDecayFactor and calculate_interval_modifier */
static void
derive (const EntenteFsrsParams *params,
        double                  *decay,
        double                  *factor,
        double                  *interval_modifier)
{
  decay_factor (params, decay, factor);
  *interval_modifier = round8 ((pow (params->request_retention, 1 / *decay) - 1) / *factor);
}

static inline double
init_difficulty (const double *w,
                 int           g)
{
  return round8 (w[4] - exp ((g - 1) * w[5]) + 1);
}

enum { DERIVED_FACTOR, DERIVED_INTERVAL_MODIFIER, DERIVED_EXP_W8, DERIVED_D0_EASY };

static inline gboolean
params_derived_valid (const EntenteFsrsParams *params)
{
  return params->derived[DERIVED_FACTOR] != 0
         && params->derived_from[0] == params->w[4]
         && params->derived_from[1] == params->w[5]
         && params->derived_from[2] == params->w[8]
         && params->derived_from[3] == params->w[20]
         && params->derived_from[4] == params->request_retention;
}

static void
params_update_derived (EntenteFsrsParams *params)
{
  double decay;

  derive (params, &decay, &params->derived[DERIVED_FACTOR],
          &params->derived[DERIVED_INTERVAL_MODIFIER]);
  params->derived[DERIVED_EXP_W8] = exp (params->w[8]);
  params->derived[DERIVED_D0_EASY] = init_difficulty (params->w, ENTENTE_FSRS_RATING_EASY);
  params->derived_from[0] = params->w[4];
  params->derived_from[1] = params->w[5];
  params->derived_from[2] = params->w[8];
  params->derived_from[3] = params->w[20];
  params->derived_from[4] = params->request_retention;
}

void
entente_fsrs_params_init_default (EntenteFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  memcpy (params->w, default_w, sizeof default_w);
  params->request_retention = 0.9;
  params->maximum_interval = 36500;
  params->enable_fuzz = FALSE;
  params->enable_short_term = TRUE;
  params->n_learning_steps = 2;
  params->learning_steps[0] = 60;
  params->learning_steps[1] = 600;
  params->n_relearning_steps = 1;
  params->relearning_steps[0] = 600;
  params_update_derived (params);
}

void
entente_fsrs_params_clip (EntenteFsrsParams *params)
{
  double ceiling = 2;

  g_return_if_fail (params != NULL);

  if (params->n_relearning_steps > 1)
    {
      double w11 = clamp_double (params->w[11], clamp_ranges[11][0], clamp_ranges[11][1]);
      double w13 = clamp_double (params->w[13], clamp_ranges[13][0], clamp_ranges[13][1]);
      double w14 = clamp_double (params->w[14], clamp_ranges[14][0], clamp_ranges[14][1]);
      double value = -(log (w11) + log (pow (2, w13) - 1) + w14 * 0.3)
                     / params->n_relearning_steps;

      ceiling = clamp_double (round8 (sqrt (js_max (value, 0))), 0.01, 2);
    }

  for (guint i = 0; i < ENTENTE_FSRS_N_WEIGHTS; i++)
    {
      double min = clamp_ranges[i][0];
      double max = clamp_ranges[i][1];

      if (i == 17 || i == 18)
        max = ceiling;
      if (i == 19 && !params->enable_short_term)
        min = 0;
      params->w[i] = clamp_double (isnan (params->w[i]) ? 0 : params->w[i], min, max);
    }
  params_update_derived (params);
}

void
entente_fsrs_card_init (EntenteFsrsCard *card,
                        gint64           now)
{
  g_return_if_fail (card != NULL);

  memset (card, 0, sizeof *card);
  card->due = now;
  card->state = ENTENTE_FSRS_STATE_NEW;
}

static inline double
forgetting_curve (double decay,
                  double factor,
                  double elapsed_days,
                  double stability)
{
  return round8 (pow (1 + factor * elapsed_days / stability, decay));
}

static inline double
init_stability (const double *w,
                int           g)
{
  return js_max (w[g - 1], 0.1);
}

/* @d0_easy is init_difficulty (w, 4). */
static inline double
next_difficulty (const double *w,
                 double        d0_easy,
                 double        d,
                 int           g)
{
  double delta_d = -w[6] * (g - 3);
  double next_d = d + round8 (delta_d * (10 - d) / 9);

  return clamp_double (round8 (w[7] * d0_easy + (1 - w[7]) * next_d), 1, 10);
}

/* The product that starts next_recall_stability's, the same for every rating. */
static inline double
recall_base (const double *w,
             double        exp_w8,
             double        d,
             double        s,
             double        r)
{
  return exp_w8 * (11 - d) * pow (s, -w[9]) * (exp ((1 - r) * w[10]) - 1);
}

static inline double
next_recall_stability (const double *w,
                       double        base,
                       double        s,
                       int           g)
{
  double hard_penalty = g == ENTENTE_FSRS_RATING_HARD ? w[15] : 1;
  double easy_bound = g == ENTENTE_FSRS_RATING_EASY ? w[16] : 1;

  return round8 (clamp_double (s * (1 + base * hard_penalty * easy_bound), S_MIN, S_MAX));
}

static inline double
next_forget_stability (const double *w,
                       double        d,
                       double        s,
                       double        r)
{
  return round8 (clamp_double (w[11] * pow (d, -w[12]) * (pow (s + 1, w[13]) - 1)
                               * exp ((1 - r) * w[14]),
                               S_MIN, S_MAX));
}

static inline double
next_short_term_stability (const double *w,
                           double        s,
                           int           g)
{
  double sinc = pow (s, -w[19]) * exp (w[17] * (g - 3 + w[18]));
  double masked = g >= ENTENTE_FSRS_RATING_HARD ? js_max (sinc, 1) : sinc;

  return round8 (clamp_double (s * masked, S_MIN, S_MAX));
}

/* FSRSAlgorithm.next_state; @r is NAN when the caller leaves it to be computed. */
static Memory
next_memory (Review *rv,
             double  t,
             int     g,
             double  r)
{
  const double *w = rv->params->w;
  double d = rv->current.difficulty;
  double s = rv->current.stability;
  Memory m;

  if (d == 0 && s == 0)
    {
      m.difficulty = clamp_double (init_difficulty (w, g), 1, 10);
      m.stability = init_stability (w, g);
      return m;
    }

  /* ts-fsrs refuses such a memory state; a damaged store should not stop the review. */
  d = clamp_double (d, 1, 10);
  s = js_max (s, S_MIN);

  if (t == 0 && rv->params->enable_short_term)
    {
      m.stability = next_short_term_stability (w, s, g);
    }
  else
    {
      if (isnan (r))
        r = forgetting_curve (rv->decay, rv->factor, t, s);

      if (g == ENTENTE_FSRS_RATING_AGAIN)
        {
          double s_after_fail = next_forget_stability (w, d, s, r);
          double w_17 = 0, w_18 = 0;
          double next_s_min;

          if (rv->params->enable_short_term)
            {
              w_17 = w[17];
              w_18 = w[18];
            }
          next_s_min = s / exp (w_17 * w_18);
          m.stability = js_min (js_max (round8 (next_s_min), S_MIN), s_after_fail);
        }
      else
        {
          if (isnan (rv->recall_base))
            {
              if (isnan (rv->exp_w8))
                rv->exp_w8 = exp (w[8]);
              rv->recall_base = recall_base (w, rv->exp_w8, d, s, r);
            }
          m.stability = next_recall_stability (w, rv->recall_base, s, g);
        }
    }
  if (isnan (rv->d0_easy))
    rv->d0_easy = init_difficulty (w, ENTENTE_FSRS_RATING_EASY);
  m.difficulty = next_difficulty (w, rv->d0_easy, d, g);

  return m;
}

static double
fuzz_factor (Review *rv)
{
  if (!rv->have_fuzz_factor)
    {
      Text seed = { "", 0 };

      /* DefaultInitSeedStrategy: `${time}_${reps}_${difficulty * stability}`. */
      text_append_int (&seed, rv->now);
      text_append_c (&seed, '_');
      text_append_uint (&seed, rv->current.reps);
      text_append_c (&seed, '_');
      text_append_js_number (&seed, rv->current.difficulty * rv->current.stability);
      rv->fuzz_factor = alea_first (seed.str, seed.len);
      rv->have_fuzz_factor = TRUE;
    }

  return rv->fuzz_factor;
}

/* apply_fuzz with get_fuzz_range */
static double
apply_fuzz (Review *rv,
            double  ivl,
            double  elapsed_days)
{
  static const struct { double start, end, factor; } ranges[] = {
    { 2.5, 7, 0.15 },
    { 7, 20, 0.1 },
    { 20, INFINITY, 0.05 },
  };
  double maximum_interval = rv->params->maximum_interval;
  double delta = 1;
  double min_ivl, max_ivl;
  double interval = ivl;

  if (!rv->params->enable_fuzz || ivl < 2.5)
    return js_round (ivl);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    delta += ranges[i].factor * js_max (js_min (interval, ranges[i].end) - ranges[i].start, 0);
  interval = js_min (interval, maximum_interval);
  min_ivl = js_max (2, js_round (interval - delta));
  max_ivl = js_min (js_round (interval + delta), maximum_interval);
  if (interval > elapsed_days)
    min_ivl = js_max (min_ivl, elapsed_days + 1);
  min_ivl = js_min (min_ivl, max_ivl);

  return floor (fuzz_factor (rv) * (max_ivl - min_ivl + 1) + min_ivl);
}

static double
next_interval (Review *rv,
               double  s,
               double  elapsed_days)
{
  double new_interval = js_min (js_max (1, js_round (s * rv->interval_modifier)),
                              rv->params->maximum_interval);

  return apply_fuzz (rv, new_interval, elapsed_days);
}

static inline void
schedule_days (const Review    *rv,
               EntenteFsrsCard *next,
               double           days)
{
  next->scheduled_days = (guint) days;
  next->due = rv->now + (gint64) days * MS_PER_DAY;
}

/* BasicLearningStepsStrategy: the minutes and next step for @g, or 0 minutes when the
 * card leaves its steps. */
static void
learning_step (const EntenteFsrsParams *params,
               EntenteFsrsState         state,
               guint                    cur_step,
               int                      g,
               double                  *scheduled_minutes,
               guint                   *next_step)
{
  gboolean relearning = state == ENTENTE_FSRS_STATE_RELEARNING
                        || state == ENTENTE_FSRS_STATE_REVIEW;
  const guint *steps = relearning ? params->relearning_steps : params->learning_steps;
  guint n_steps = MIN (relearning ? params->n_relearning_steps : params->n_learning_steps,
                       ENTENTE_FSRS_MAX_STEPS);

  *scheduled_minutes = 0;
  *next_step = 0;

  if (n_steps == 0 || cur_step >= n_steps)
    return;

  if (state == ENTENTE_FSRS_STATE_REVIEW)
    {
      if (g == ENTENTE_FSRS_RATING_AGAIN)
        *scheduled_minutes = steps[cur_step] / 60;
      return;
    }

  switch (g)
    {
    case ENTENTE_FSRS_RATING_AGAIN:
      *scheduled_minutes = steps[0] / 60;
      break;

    case ENTENTE_FSRS_RATING_HARD:
      if (n_steps == 1)
        *scheduled_minutes = js_round ((steps[0] / 60) * 1.5);
      else
        *scheduled_minutes = js_round (((double) (steps[0] / 60) + (steps[1] / 60)) / 2);
      *next_step = cur_step;
      break;

    case ENTENTE_FSRS_RATING_GOOD:
      if (cur_step + 1 < n_steps && steps[cur_step + 1] / 60 != 0)
        {
          *scheduled_minutes = steps[cur_step + 1] / 60;
          *next_step = cur_step + 1;
        }
      break;

    default:
      break;
    }
}

/* BasicScheduler.applyLearningSteps */
static void
apply_learning_steps (Review           *rv,
                      EntenteFsrsCard  *next,
                      int               g,
                      EntenteFsrsState  to_state)
{
  double scheduled_minutes;
  guint next_step;

  learning_step (rv->params, rv->current.state, rv->current.learning_steps, g,
                 &scheduled_minutes, &next_step);

  if (scheduled_minutes > 0 && scheduled_minutes < 1440)
    {
      next->learning_steps = next_step;
      next->scheduled_days = 0;
      next->state = to_state;
      next->due = rv->now + (gint64) js_round (scheduled_minutes) * MS_PER_MINUTE;
    }
  else
    {
      next->state = ENTENTE_FSRS_STATE_REVIEW;
      if (scheduled_minutes >= 1440)
        {
          next->learning_steps = next_step;
          next->due = rv->now + (gint64) js_round (scheduled_minutes) * MS_PER_MINUTE;
          next->scheduled_days = (guint) floor (scheduled_minutes / 1440);
        }
      else
        {
          next->learning_steps = 0;
          schedule_days (rv, next, next_interval (rv, next->stability, rv->elapsed_days));
        }
    }
}

static void
review_begin (Review                  *rv,
              const EntenteFsrsParams *params,
              const EntenteFsrsCard   *card,
              gint64                   now)
{
  gint64 interval = 0;

  rv->params = params;
  rv->last = *card;
  rv->current = *card;
  rv->now = now;
  rv->have_fuzz_factor = FALSE;
  rv->fuzz_factor = 0;
  rv->exp_w8 = NAN;
  rv->d0_easy = NAN;
  rv->recall_base = NAN;

  if (card->state != ENTENTE_FSRS_STATE_NEW && card->last_review != 0)
    interval = MAX (utc_day_diff (card->last_review, now), 0);
  rv->current.last_review = now;
  rv->elapsed_days = (guint) interval;
  rv->current.elapsed_days = (guint) interval;
  rv->current.reps += 1;

  if (params_derived_valid (params))
    {
      rv->decay = -params->w[20];
      rv->factor = params->derived[DERIVED_FACTOR];
      rv->interval_modifier = params->derived[DERIVED_INTERVAL_MODIFIER];
      rv->exp_w8 = params->derived[DERIVED_EXP_W8];
      rv->d0_easy = params->derived[DERIVED_D0_EASY];
    }
  else
    {
      derive (params, &rv->decay, &rv->factor, &rv->interval_modifier);
    }
}

static void
build_log (const Review      *rv,
           EntenteFsrsRating  rating,
           EntenteFsrsLog    *log)
{
  if (log == NULL)
    return;

  log->rating = rating;
  log->state = rv->current.state;
  log->due = rv->last.last_review != 0 ? rv->last.last_review : rv->last.due;
  log->stability = rv->current.stability;
  log->difficulty = rv->current.difficulty;
  log->elapsed_days = rv->elapsed_days;
  log->last_elapsed_days = rv->last.elapsed_days;
  log->scheduled_days = rv->current.scheduled_days;
  log->learning_steps = rv->current.learning_steps;
  log->review = rv->now;
}

static inline void
with_memory (const Review    *rv,
             EntenteFsrsCard *next,
             Memory           m)
{
  *next = rv->current;
  next->difficulty = m.difficulty;
  next->stability = m.stability;
}

/* BasicScheduler.reviewState for one rating. */
static void
basic_review_state (Review          *rv,
                    int              g,
                    EntenteFsrsCard *next)
{
  double t = rv->elapsed_days;
  double r = forgetting_curve (rv->decay, rv->factor, t, rv->current.stability);
  Memory hard, good, easy;
  double hard_ivl, good_ivl, easy_ivl;

  if (g == ENTENTE_FSRS_RATING_AGAIN)
    {
      with_memory (rv, next, next_memory (rv, t, g, r));
      apply_learning_steps (rv, next, g, ENTENTE_FSRS_STATE_RELEARNING);
      next->lapses += 1;
      return;
    }

  hard = next_memory (rv, t, ENTENTE_FSRS_RATING_HARD, r);
  good = next_memory (rv, t, ENTENTE_FSRS_RATING_GOOD, r);
  hard_ivl = next_interval (rv, hard.stability, t);
  good_ivl = next_interval (rv, good.stability, t);
  hard_ivl = js_min (hard_ivl, good_ivl);
  good_ivl = js_max (good_ivl, hard_ivl + 1);

  if (g == ENTENTE_FSRS_RATING_HARD)
    {
      with_memory (rv, next, hard);
      schedule_days (rv, next, hard_ivl);
    }
  else if (g == ENTENTE_FSRS_RATING_GOOD)
    {
      with_memory (rv, next, good);
      schedule_days (rv, next, good_ivl);
    }
  else
    {
      easy = next_memory (rv, t, ENTENTE_FSRS_RATING_EASY, r);
      easy_ivl = js_max (next_interval (rv, easy.stability, t), good_ivl + 1);
      with_memory (rv, next, easy);
      schedule_days (rv, next, easy_ivl);
    }
  next->state = ENTENTE_FSRS_STATE_REVIEW;
  next->learning_steps = 0;
}

/* LongTermScheduler: every rating of every card goes to days, all four computed together. */
static void
long_term_state (Review          *rv,
                 int              g,
                 EntenteFsrsCard *next)
{
  gboolean is_new = rv->last.state == ENTENTE_FSRS_STATE_NEW;
  double t, r = NAN;
  Memory m[4];
  double ivl[4];

  if (is_new)
    {
      rv->current.scheduled_days = 0;
      rv->current.elapsed_days = 0;
      t = 0;
    }
  else
    {
      t = rv->elapsed_days;
      r = forgetting_curve (rv->decay, rv->factor, t, rv->current.stability);
    }

  for (int i = 0; i < 4; i++)
    {
      m[i] = next_memory (rv, t, i + 1, r);
      ivl[i] = next_interval (rv, m[i].stability, t);
    }
  ivl[0] = js_min (ivl[0], ivl[1]);
  ivl[1] = js_max (ivl[1], ivl[0] + 1);
  ivl[2] = js_max (ivl[2], ivl[1] + 1);
  ivl[3] = js_max (ivl[3], ivl[2] + 1);

  with_memory (rv, next, m[g - 1]);
  schedule_days (rv, next, ivl[g - 1]);
  next->state = ENTENTE_FSRS_STATE_REVIEW;
  next->learning_steps = 0;
  if (!is_new && g == ENTENTE_FSRS_RATING_AGAIN)
    next->lapses += 1;
}

static void
review_rate (Review            *rv,
             EntenteFsrsRating  rating,
             EntenteFsrsCard   *next,
             EntenteFsrsLog    *log)
{
  int g = rating;

  if (!rv->params->enable_short_term)
    {
      long_term_state (rv, g, next);
    }
  else
    {
      switch (rv->last.state)
        {
        case ENTENTE_FSRS_STATE_NEW:
          with_memory (rv, next, next_memory (rv, rv->elapsed_days, g, NAN));
          apply_learning_steps (rv, next, g, ENTENTE_FSRS_STATE_LEARNING);
          break;

        case ENTENTE_FSRS_STATE_LEARNING:
        case ENTENTE_FSRS_STATE_RELEARNING:
          with_memory (rv, next, next_memory (rv, rv->elapsed_days, g, NAN));
          apply_learning_steps (rv, next, g, rv->last.state);
          break;

        case ENTENTE_FSRS_STATE_REVIEW:
        default:
          basic_review_state (rv, g, next);
          break;
        }
    }

  build_log (rv, rating, log);
}

void
entente_fsrs_next (const EntenteFsrsParams *params,
                   const EntenteFsrsCard   *card,
                   gint64                   now,
                   EntenteFsrsRating        rating,
                   EntenteFsrsCard         *next,
                   EntenteFsrsLog          *log)
{
  Review rv;

  g_return_if_fail (params != NULL);
  g_return_if_fail (card != NULL);
  g_return_if_fail (next != NULL);
  g_return_if_fail (rating >= ENTENTE_FSRS_RATING_AGAIN && rating <= ENTENTE_FSRS_RATING_EASY);

  review_begin (&rv, params, card, now);
  review_rate (&rv, rating, next, log);
}

void
entente_fsrs_preview (const EntenteFsrsParams *params,
                      const EntenteFsrsCard   *card,
                      gint64                   now,
                      EntenteFsrsCard          next[4])
{
  EntenteFsrsCard before;
  Review rv;

  g_return_if_fail (params != NULL);
  g_return_if_fail (card != NULL);
  g_return_if_fail (next != NULL);

  before = *card;
  review_begin (&rv, params, &before, now);
  for (int g = ENTENTE_FSRS_RATING_AGAIN; g <= ENTENTE_FSRS_RATING_EASY; g++)
    {
      /* The long-term scheduler changes its copy of the card for a new one; start over. */
      if (!params->enable_short_term)
        review_begin (&rv, params, &before, now);
      review_rate (&rv, g, &next[g - 1], NULL);
    }
}

double
entente_fsrs_retrievability (const EntenteFsrsParams *params,
                             const EntenteFsrsCard   *card,
                             gint64                   now)
{
  double decay, factor;
  gint64 diff;
  double t;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (card != NULL, 0);

  if (card->state == ENTENTE_FSRS_STATE_NEW)
    return 0;

  /* date_diff (now, last_review, "days"): whole 24-hour periods, not calendar days. */
  diff = now - card->last_review;
  t = floor ((double) diff / (double) MS_PER_DAY);
  t = js_max (t, 0);

  decay_factor (params, &decay, &factor);

  return forgetting_curve (decay, factor, t, js_to_fixed8 (card->stability));
}

char *
entente_fsrs_format_interval (gint64 from,
                              gint64 to)
{
  /* show_diff_message: seconds, minutes, hours, days, months of 31 days, years of 12. */
  static const double units[] = { 60, 60, 24, 31, 12 };
  double diff = (double) (to - from) / 1000;
  guint i;
  gulong n;

  for (i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (diff < units[i])
        break;
      diff /= units[i];
    }
  n = (gulong) floor (js_max (diff, 0));

  switch (i)
    {
    case 0:
      /* Translators: a time until the next review on a grade button, in seconds */
      return g_strdup_printf (ngettext ("%lu s", "%lu s", n), n);
    case 1:
      /* Translators: a time until the next review on a grade button, in minutes */
      return g_strdup_printf (ngettext ("%lu min", "%lu min", n), n);
    case 2:
      /* Translators: a time until the next review on a grade button, in hours */
      return g_strdup_printf (ngettext ("%lu h", "%lu h", n), n);
    case 3:
      /* Translators: a time until the next review on a grade button, in days */
      return g_strdup_printf (ngettext ("%lu d", "%lu d", n), n);
    case 4:
      /* Translators: a time until the next review on a grade button, in months */
      return g_strdup_printf (ngettext ("%lu mo", "%lu mo", n), n);
    default:
      /* Translators: a time until the next review on a grade button, in years */
      return g_strdup_printf (ngettext ("%lu y", "%lu y", n), n);
    }
}
