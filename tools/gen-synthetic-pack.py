#!/usr/bin/env python3
# Writes a large, valid Entente study pack (docs/pack-format.md) with made-up but
# realistically sized content, for benchmarks and load tests:
#   tools/gen-synthetic-pack.py --cards 100000 --sections 10000 --seed 1 --out big.json
# The same arguments always give the same file.
"""Generate a synthetic Entente study pack."""

import argparse
import json
import random
import sys

WORDS = """
accord agenda alliance annual assembly balance barrier border bloc budget cabinet
capital central charter civil coalition commerce commission commitment common conflict
consensus cooperation corridor council counter crisis customs declaration defence
delegation development dialogue diplomacy doctrine economic energy enlargement envoy
exercise expansion export extremism finance foreign forum framework frontier gas growth
harmony identity import influence initiative institution integration interest joint
leadership legitimacy market maritime mechanism military ministerial mission multilateral
mutual narrative neighbour network non-alignment norm nuclear observer oil order
organisation partner partnership pipeline policy power principle priority protocol
railway rapprochement region regional rivalry route secretariat security separatism
settlement sovereignty stability strategic summit supply territorial terrorism trade
transit treaty trust union vision water weapons
the a of and to in on for with between across against among over within toward after
before during under while because although
China Russia Kazakhstan Kyrgyzstan Tajikistan Uzbekistan India Pakistan Iran Belarus
Mongolia Afghanistan Türkiye Azerbaijan Armenia Cambodia Nepal Beijing Moscow
Astana Bishkek Dushanbe Tashkent Shanghai Samarkand Ürümqi Qingdao
""".split() + ["Sri Lanka", "São Tomé", "«multipolar»", "“Shanghai spirit”"]

# Codes of real ISO 3166-1 alpha-2 entries, with statuses that give every kind a count.
MEMBER_CODES = [
    ("CN", "member"), ("RU", "member"), ("KZ", "member"), ("KG", "member"),
    ("TJ", "member"), ("UZ", "member"), ("IN", "member"), ("PK", "member"),
    ("IR", "member"), ("BY", "member"), ("MN", "observer"), ("AF", "observer"),
    ("TR", "dialogue-partner"), ("AZ", "dialogue-partner"), ("AM", "dialogue-partner"),
    ("KH", "dialogue-partner"), ("NP", "dialogue-partner"), ("LK", "dialogue-partner"),
    ("EG", "dialogue-partner"), ("QA", "dialogue-partner"), ("SA", "dialogue-partner"),
    ("AE", "dialogue-partner"), ("KW", "dialogue-partner"), ("MV", "dialogue-partner"),
    ("MM", "dialogue-partner"), ("BH", "dialogue-partner"), ("LA", "partner"),
    ("VN", "applicant"), ("SY", "applicant"), ("DZ", "former-member"),
]

MAP_CODES = [code for code, _ in MEMBER_CODES] + [
    "US", "GB", "FR", "DE", "JP", "KR", "BR", "ZA", "NG", "AU", "CA", "MX", "ID", "TH",
    "MY", "PH", "BD", "IQ", "JO", "IL", "UA", "GE", "PL", "IT", "ES", "PT", "NO", "SE",
]

STATUSES = ["member", "observer", "dialogue-partner", "partner", "applicant"]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def words(self, low, high):
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def sentence(self, low=8, high=24):
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences_low=2, sentences_high=4):
        n = self.rng.randint(sentences_low, sentences_high)
        return " ".join(self.sentence() for _ in range(n))

    def title(self):
        text = self.words(3, 9)
        return text[0].upper() + text[1:]

    def date(self, first_year=1996, last_year=2025, precision=None):
        year = self.rng.randint(first_year, last_year)
        precision = precision or self.rng.choice(["year", "month", "day", "day", "day"])
        if precision == "year":
            return f"{year:04d}"
        month = self.rng.randint(1, 12)
        if precision == "month":
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{self.rng.randint(1, 28):02d}"

    def sample(self, items, low, high):
        if not items:
            return []
        n = min(len(items), self.rng.randint(low, high))
        return self.rng.sample(items, n)


def build_outline(gen, n_sections, max_depth):
    """Returns (top-level sections, every section id) with exactly n_sections sections."""
    ids = [f"sec-{i:06d}" for i in range(n_sections)]
    # Parent of each section: a section created earlier, shallow enough to take a child,
    # or the top level. Roughly a tenth of the sections sit at the top level.
    nodes = []
    depth = []
    top = []
    for i, section_id in enumerate(ids):
        node = {
            "id": section_id,
            "title": gen.title(),
        }
        if gen.rng.random() < 0.7:
            node["summary"] = gen.paragraph(1, 3)
        node["points"] = [gen.sentence(10, 30) for _ in range(gen.rng.randint(1, 6))]
        node["pages"] = f"{i // 4 + 1}-{i // 4 + 2}"
        parent = None
        if i > 0 and gen.rng.random() > 0.1:
            candidate = gen.rng.randint(max(0, i - 50), i - 1)
            if depth[candidate] + 1 < max_depth:
                parent = candidate
        if parent is None:
            depth.append(0)
            top.append(node)
        else:
            depth.append(depth[parent] + 1)
            nodes[parent].setdefault("children", []).append(node)
        nodes.append(node)
    return top, nodes, ids


def build_members(gen, section_ids):
    members = []
    for code, status in MEMBER_CODES:
        member = {"code": code, "status": status}
        if gen.rng.random() < 0.3:
            member["name"] = gen.title()
        if status == "former-member":
            member["joined"] = gen.date(2001, 2010)
            member["left"] = gen.date(2011, 2020)
        else:
            member["joined"] = gen.date(2001, 2025)
        if status in ("member", "former-member") and gen.rng.random() < 0.5:
            member["history"] = [
                {"status": "dialogue-partner", "from": gen.date(1996, 1998, "day")},
                {"status": "observer", "from": gen.date(1999, 2000, "day")},
            ]
        if code in ("CN", "RU", "KZ", "KG", "TJ", "UZ"):
            member["founding"] = True
        member["capital"] = gen.title()
        member["summary"] = gen.paragraph(1, 3)
        member["facts"] = [gen.sentence() for _ in range(gen.rng.randint(0, 4))]
        member["sections"] = gen.sample(section_ids, 0, 4)
        members.append(member)
    return members


def build_pack(args):
    gen = Generator(args.seed)
    top, sections, section_ids = build_outline(gen, args.sections, args.max_depth)
    members = build_members(gen, section_ids)
    member_codes = [m["code"] for m in members]

    events = []
    for i in range(args.events):
        event = {
            "id": f"ev-{i:05d}",
            "date": gen.date(),
            "title": gen.title(),
        }
        if gen.rng.random() < 0.6:
            event["place"] = gen.title()
        if gen.rng.random() < 0.8:
            event["detail"] = gen.paragraph(1, 2)
        event["members"] = gen.sample(member_codes, 0, 5)
        event["sections"] = gen.sample(section_ids, 0, 3)
        events.append(event)
    event_ids = [e["id"] for e in events]

    terms = []
    for i in range(args.terms):
        terms.append({
            "id": f"term-{i:05d}",
            "term": gen.title(),
            "definition": gen.paragraph(1, 3),
            "aliases": [gen.title() for _ in range(gen.rng.randint(0, 2))],
            "sections": gen.sample(section_ids, 0, 3),
        })
    term_ids = [t["id"] for t in terms]

    for section in sections:
        if gen.rng.random() < 0.3:
            section["members"] = gen.sample(member_codes, 1, 4)
        if gen.rng.random() < 0.3:
            section["terms"] = gen.sample(term_ids, 1, 3)
        if gen.rng.random() < 0.2:
            section["events"] = gen.sample(event_ids, 1, 2)

    cards = []
    kinds = ["basic", "choice", "cloze", "map"]
    for i in range(args.cards):
        kind = kinds[i % 4]
        card = {"id": f"card-{i:07d}", "kind": kind}
        if gen.rng.random() < 0.9:
            card["section"] = gen.rng.choice(section_ids)
        if kind == "basic":
            card["front"] = gen.sentence(6, 18)[:-1] + "?"
            card["back"] = gen.sentence(3, 16)
            if gen.rng.random() < 0.4:
                card["accept"] = [gen.words(1, 3) for _ in range(gen.rng.randint(1, 3))]
        elif kind == "choice":
            card["question"] = gen.sentence(6, 18)[:-1] + "?"
            n = gen.rng.randint(2, 5)
            choices = []
            while len(choices) < n:
                choice = gen.words(1, 6)
                if choice not in choices:
                    choices.append(choice)
            card["choices"] = choices
            card["answer"] = gen.rng.randrange(n)
        elif kind == "cloze":
            parts = [gen.words(3, 10)]
            for _ in range(gen.rng.randint(1, 3)):
                parts.append("{{" + gen.words(1, 3) + "}}")
                parts.append(gen.words(2, 10))
            card["text"] = " ".join(parts) + "."
        else:
            card["prompt"] = gen.sentence(5, 14)
            card["answer"] = gen.rng.choice(MAP_CODES)
        if gen.rng.random() < 0.5:
            card["tags"] = [gen.rng.choice(WORDS) for _ in range(gen.rng.randint(1, 3))]
        if gen.rng.random() < 0.5:
            card["explanation"] = gen.paragraph(1, 2)
        cards.append(card)

    references = []
    for i in range(args.references):
        reference = {
            "id": f"ref-{i:05d}",
            "text": f"{gen.title()} ({gen.rng.randint(1990, 2025)}). {gen.sentence(6, 16)}",
        }
        if gen.rng.random() < 0.5:
            reference["url"] = f"https://example.org/ref/{i}"
        references.append(reference)

    corrections = []
    for i in range(args.corrections):
        correction = {
            "id": f"corr-{i:05d}",
            "section": gen.rng.choice(section_ids),
            "claim": gen.sentence(),
            "correction": gen.paragraph(1, 2),
        }
        if gen.rng.random() < 0.7:
            correction["source"] = gen.sentence(4, 10)
        corrections.append(correction)

    return {
        "format": "entente-pack",
        "version": 1,
        "id": f"synthetic-{args.seed}",
        "title": f"Synthetic study pack: {args.cards} cards, {args.sections} sections",
        "subtitle": gen.title(),
        "language": "en",
        "as_of": "2026-01-15",
        "authors": [{"name": gen.title(), "affiliation": gen.title()} for _ in range(3)],
        "source": {
            "citation": gen.sentence(10, 20),
            "url": "https://example.org/synthetic",
            "year": 2025,
        },
        "abstract": gen.paragraph(4, 8),
        "keywords": [gen.words(1, 3) for _ in range(6)],
        "organization": {
            "name": "Shanghai Cooperation Organisation",
            "short_name": "SCO",
            "founded": "2001-06-15",
            "headquarters": "Beijing",
            "url": "https://eng.sectsco.org/",
        },
        "outline": top,
        "members": members,
        "timeline": events,
        "glossary": terms,
        "cards": cards,
        "references": references,
        "corrections": corrections,
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--sections", type=int, default=100)
    parser.add_argument("--events", type=int, default=None,
                        help="timeline events (default: a tenth of the sections, at least 10)")
    parser.add_argument("--terms", type=int, default=None,
                        help="glossary terms (default: a fifth of the sections, at least 10)")
    parser.add_argument("--references", type=int, default=None)
    parser.add_argument("--corrections", type=int, default=None)
    parser.add_argument("--max-depth", type=int, default=5,
                        help="deepest nesting of the outline (the format allows 8)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="file to write, - for standard output")
    args = parser.parse_args(argv)

    if args.sections < 1:
        parser.error("--sections must be at least 1")
    if args.cards < 0 or args.cards > 1000000:
        parser.error("--cards must be between 0 and 1000000")
    if not 1 <= args.max_depth <= 8:
        parser.error("--max-depth must be between 1 and 8")
    if args.events is None:
        args.events = max(10, args.sections // 10)
    if args.terms is None:
        args.terms = max(10, args.sections // 5)
    if args.references is None:
        args.references = max(10, args.sections // 10)
    if args.corrections is None:
        args.corrections = max(5, args.sections // 20)

    pack = build_pack(args)
    if args.out == "-":
        json.dump(pack, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(pack, f, ensure_ascii=False, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
