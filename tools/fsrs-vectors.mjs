#!/usr/bin/env node
// Writes review histories scheduled by ts-fsrs (the reference implementation of FSRS-6,
// pinned in tools/package.json) as JSON, for tests/test-fsrs.c to replay against
// src/study/entente-fsrs.c.
//
//   node tools/fsrs-vectors.mjs --seed N --count M > vectors.json
//
// The same seed always gives the same file. Each history has its own scheduler settings
// (fuzz on and off, short-term steps on and off, other retentions, maximum intervals and
// steps) and a sequence of reviews at chosen times: on time, late, long after, early and
// again the same day. After every review it records the card and the log ts-fsrs gives,
// the retrievability ts-fsrs reports just before the review, and the due time that each
// of the four ratings would have given. Times are milliseconds since the epoch; steps
// are in seconds, as EntenteFsrsParams holds them.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fsrs, createEmptyCard } from 'ts-fsrs';

const here = dirname(fileURLToPath(import.meta.url));

function usage(message) {
  if (message)
    console.error(`fsrs-vectors: ${message}`);
  console.error('usage: node tools/fsrs-vectors.mjs --seed N --count M');
  process.exit(2);
}

let seed = null;
let count = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if ((arg === '--seed' || arg === '--count') && i + 1 < args.length) {
    const value = Number(args[++i]);
    if (!Number.isInteger(value) || value < 0)
      usage(`${arg} needs a whole number`);
    if (arg === '--seed')
      seed = value;
    else
      count = value;
  } else if (arg === '-h' || arg === '--help') {
    usage();
  } else {
    usage(`unknown argument ${arg}`);
  }
}
if (seed === null || count === null)
  usage();

// mulberry32: small, fast and the same on every platform.
function makeRandom(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = makeRandom(seed ^ 0x5eed);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const stepSeconds = (step) => {
  const value = parseInt(step.slice(0, -1), 10);
  return value * { m: 60, h: 3600, d: 86400 }[step.slice(-1)];
};

function chooseSettings(index) {
  // The first histories use the defaults, with fuzz off and on; the rest vary.
  const settings = {
    request_retention: 0.9,
    maximum_interval: 36500,
    enable_fuzz: index % 2 === 1,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
  };
  if (index < 8)
    return settings;
  const r = random();
  if (r < 0.15)
    settings.enable_short_term = false;
  else if (r < 0.25)
    settings.request_retention = pick([0.7, 0.8, 0.85, 0.95, 0.97]);
  else if (r < 0.32)
    settings.maximum_interval = pick([30, 100, 365, 1000]);
  else if (r < 0.4)
    settings.learning_steps = pick([[], ['10m'], ['1m', '5m', '1h'], ['30m', '1d'], ['2d']]);
  else if (r < 0.48)
    settings.relearning_steps = pick([[], ['5m', '1h'], ['10m', '30m', '2h'], ['1d']]);
  else if (r < 0.52)
    settings.enable_fuzz = !settings.enable_fuzz;
  return settings;
}

function plainCard(card) {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : 0,
  };
}

function plainLog(log) {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.getTime(),
  };
}

function chooseRating() {
  const r = random();
  if (r < 0.18)
    return 1;
  if (r < 0.33)
    return 2;
  if (r < 0.85)
    return 3;
  return 4;
}

// The next review's time: usually around the due time, sometimes early, late, much
// later, or again within minutes; never before the last review.
function chooseTime(card, last) {
  const due = card.due.getTime();
  const r = random();
  let t;
  if (r < 0.3)
    t = due;
  else if (r < 0.5)
    t = due + between(0, 6 * HOUR) + between(0, 999);
  else if (r < 0.62)
    t = due + between(1, 30) * DAY + between(0, DAY - 1);
  else if (r < 0.68)
    t = due + between(100, 4000) * DAY + between(0, DAY - 1);
  else if (r < 0.82)
    t = last + Math.floor(random() * (due - last));
  else
    t = last + between(0, 90) * MINUTE + between(0, 59999);
  return Math.max(t, last);
}

const histories = [];
for (let h = 0; h < count; h++) {
  const settings = chooseSettings(h);
  const f = fsrs(settings);
  // Any time from 2001 to 2040, to the millisecond.
  const start = between(978307200, 2208988800) * 1000 + between(0, 999);
  let card = createEmptyCard(new Date(start));
  let now = start;
  const length = random() < 0.1 ? between(20, 40) : between(1, 14);
  const reviews = [];
  for (let i = 0; i < length; i++) {
    if (i > 0)
      now = chooseTime(card, now);
    const rating = chooseRating();
    const retrievability = f.get_retrievability(card, new Date(now), false);
    const preview = f.repeat(card, new Date(now));
    const { card: next, log } = f.next(card, new Date(now), rating);
    reviews.push({
      now,
      rating,
      retrievability,
      card: plainCard(next),
      log: plainLog(log),
      preview_due: [1, 2, 3, 4].map((g) => preview[g].card.due.getTime()),
    });
    card = next;
  }
  histories.push({
    params: {
      w: Array.from(f.parameters.w),
      request_retention: settings.request_retention,
      maximum_interval: settings.maximum_interval,
      enable_fuzz: settings.enable_fuzz,
      enable_short_term: settings.enable_short_term,
      learning_steps: settings.learning_steps.map(stepSeconds),
      relearning_steps: settings.relearning_steps.map(stepSeconds),
    },
    start,
    reviews,
  });
}

const version = JSON.parse(readFileSync(join(here, 'node_modules', 'ts-fsrs', 'package.json'), 'utf8')).version;
process.stdout.write(JSON.stringify({ generator: `ts-fsrs ${version}`, seed, count, histories }));
process.stdout.write('\n');
