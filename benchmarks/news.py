"""Verdicts on real news: do sources that state the same fact end up in one finding?

Run from the repository root: ``python -m benchmarks.news [--sets events,gva,multinews]
[--half dev|held|both] [--limit N] [--show N]``. Reads the sets beside the project
(``../shared/news/``, or ``CLAIMCHECK_NEWS_DIR``) and prints, per set and half:

- ``events``: labelled cross-source pairs found by relation (both claims in one finding
  with that verdict), false contradictions (an AGREE pair in a contradiction), gold claims
  found, and the judged pairs of annotated claims no label connects, for a person to read;
- ``gva``: tolls found with the right attribute (articles stating the gold number of
  dead or injured near a word for it), agreements found (incidents where 2+ articles
  state it, in an agreement; apart from those, how many stand together on one side of a
  contradiction instead), planted contradictions found (the figure changed in one article, every
  mention of it) and contradictions on the unchanged articles, counted by what they
  oppose (a toll with the gold figure on one side, a toll with it on none, arrests,
  another measure, dates, places and quotes);
- ``multinews``: every contradiction reported, with both sides' text, and how many
  clusters (none of whose articles has a date) had their story's year estimated.

GVA incidents and Multi-News clusters are split into a dev half and a held-out half by a
hash of their id, so a change tuned on one half is checked on the other. Parsed Docs are
cached (``benchmarks/news_docs.py``): only the first run parses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.news_docs import DocCache
from claimcheck.api import compare
from claimcheck.extract.number_words import ONES
from claimcheck.main_event import build_story
from claimcheck.model.claims import Claim, QuantityClaim
from claimcheck.model.findings import Finding, Verdict
from claimcheck.report.view import Report
from claimcheck.rules import RuleSet, load_ruleset
from claimcheck.sources import Source

ROOT = Path(__file__).resolve().parents[1]
JUDGED = (Verdict.AGREE, Verdict.CONTRADICT)


def news_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("CLAIMCHECK_NEWS_DIR"):
        return Path(os.environ["CLAIMCHECK_NEWS_DIR"])
    for folder in ROOT.parents:  # ../shared/news beside the project (or an ancestor)
        if (folder / "shared" / "news").is_dir():
            return folder / "shared" / "news"
    return ROOT.parent / "shared" / "news"


def half_of(key: str) -> str:
    """``dev`` or ``held``: a stable split by a hash of the id."""
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "held"


def run_compare(cache: DocCache, sources: Sequence[Source], ruleset: RuleSet) -> Report:
    claims = cache.claims(sources, ruleset.vocabulary)
    return compare(sources, ruleset, claims=claims)


def short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def describe_finding(report: Report, finding: Finding) -> str:
    """A contradiction with each side's source, text and sentence, for a person to read."""
    lines = [f"  {finding.verdict.value} [{finding.rule}] {finding.message}"]
    sides = finding.sides or (tuple(finding.claims),)
    for n, side in enumerate(sides):
        for claim_id in side:
            claim = report.claim(claim_id)
            lines.append(f"    side {n + 1} {claim.source}: “{claim.text}” "
                         f"[{claim.about.attribute}/{claim.about.thing}] — "
                         f"{short(claim.sentence)}")
    return "\n".join(lines)


# -- events ------------------------------------------------------------------------------

def events(root: Path, cache: DocCache, ruleset: RuleSet) -> None:
    folder = root / "events"
    if not folder.exists():
        print("events: not found, skipped")
        return
    index = [json.loads(line) for line in (folder / "news_index.jsonl").open()]
    gold = [json.loads(line) for line in (folder / "news_gold.jsonl").open()]
    pairs = [json.loads(line) for line in (folder / "news_pairs.jsonl").open()]
    offsets: dict[str, int] = {}
    by_event: dict[str, list[Source]] = defaultdict(list)
    for row in index:
        raw = (folder / "news" / row["file"]).read_text(encoding="utf-8")
        header_end = raw.index("\n") + 1
        offsets[row["file"]] = header_end
        by_event[row["event"]].append(Source(
            id=row["file"], path=row["file"], text=raw[header_end:],
            published=date.fromisoformat(row["reference_date"])))
    reports = {event: run_compare(cache, sources, ruleset)
               for event, sources in sorted(by_event.items())}
    claims = [c for r in reports.values() for c in r.claims]
    matched: dict[str, str] = {}
    for g in gold:
        best = _best_overlap(claims, g["file"], g["start"] - offsets[g["file"]],
                             g["end"] - offsets[g["file"]])
        if best is not None:
            matched[g["id"]] = best.id
    findings = [f for r in reports.values() for f in r.findings]
    groups = [set(g.claims) for r in reports.values() for g in r.groups if not g.related]
    related = [set(g.claims) for r in reports.values() for g in r.groups if g.related]
    print(f"events: {len(gold)} gold claims, {len(matched)} found "
          f"({100 * len(matched) / len(gold):.0f} %)")
    false_contradictions: list[dict[str, Any]] = []
    missed: list[str] = []
    for relation, verdict in (("AGREE", Verdict.AGREE), ("CONTRADICT", Verdict.CONTRADICT)):
        labelled = [p for p in pairs if p["relation"] == relation]
        found = grouped = maybe = extracted = 0
        for p in labelled:
            a, b = matched.get(p["a"]), matched.get(p["b"])
            if a is None or b is None:
                missed.append(f"    {relation} {p['a']} / {p['b']}: not both found "
                              f"({p['why']})")
                continue
            extracted += 1
            both = {a, b}
            hit = any(relation_of(f, a, b) is verdict for f in findings)
            found += hit
            if not hit:
                missed.append(_describe_missed(relation, p, a, b, claims, findings))
            grouped += any(both <= s for s in groups)
            maybe += any(both <= s for s in related)
            if relation == "AGREE" and any(relation_of(f, a, b) is Verdict.CONTRADICT
                                           for f in findings):
                false_contradictions.append(p)
        print(f"  {relation:10} pairs {len(labelled):3}: both claims found {extracted}, "
              f"grouped {grouped}, possibly related {maybe}, "
              f"found as {verdict.value} {found} ({100 * found / len(labelled):.0f} %)")
    print("  (a pair is found as agree in an agreement or on one side of a contradiction, "
          "as contradict on two sides of one)")
    print(f"  false contradictions: {len(false_contradictions)} "
          f"({100 * len(false_contradictions) / len(pairs):.1f} per 100 labelled pairs)")
    for p in false_contradictions:
        print(f"    {p['a']} / {p['b']}: {p['why']}")
    print(f"  labelled pairs not found with their relation: {len(missed)} (read them:)")
    print("\n".join(missed))
    _unlabelled_judged(reports, gold, pairs, matched)
    for report in reports.values():
        for finding in report.findings:
            if finding.verdict is Verdict.CONTRADICT:
                print(describe_finding(report, finding))


def _describe_missed(relation: str, pair: dict[str, Any], a: str, b: str,
                     claims: Sequence[Claim], findings: Sequence[Finding]) -> str:
    """A labelled pair not found with its relation: both claims as read (measure, thing,
    event, window) and the findings each sits in, for a person to sort by cause."""
    by_id = {c.id: c for c in claims}
    lines = [f"    {relation} {pair['a']} / {pair['b']}: {pair['why']}"]
    for gold_id, claim_id in ((pair["a"], a), (pair["b"], b)):
        claim = by_id[claim_id]
        about = claim.about
        event = about.event
        where = [f"{f.verdict.value}#{f.id[:6]}" for f in findings if claim_id in f.claims]
        lines.append(f"      {gold_id} {claim.source}: “{claim.text}” [{claim.kind} "
                     f"{about.attribute}/{about.thing}] event="
                     f"{event.head if event else None}"
                     f"{' (implicit)' if event and event.implicit else ''}"
                     f"{' (distinct)' if event and event.distinct else ''}"
                     f" window={about.window} in {where or 'no finding'} — "
                     f"{short(claim.sentence, 160)}")
    return "\n".join(lines)


def relation_of(finding: Finding, a: str, b: str) -> Verdict | None:
    """What a finding says of two claims: agree when both sit in an agreement or on one
    side of a contradiction, contradict when they sit on two of its sides."""
    if a not in finding.claims or b not in finding.claims:
        return None
    if finding.verdict is Verdict.AGREE:
        return Verdict.AGREE
    if finding.verdict is not Verdict.CONTRADICT:
        return None
    if not finding.sides:
        return Verdict.CONTRADICT
    if a in finding.compatible or b in finding.compatible:
        return Verdict.AGREE  # a claim that agrees with every side
    side = {c: n for n, members in enumerate(finding.sides) for c in members}
    return Verdict.AGREE if side.get(a) == side.get(b) else Verdict.CONTRADICT


def _best_overlap(claims: Iterable[Claim], source: str, start: int, end: int) -> Claim | None:
    best: tuple[int, Claim] | None = None
    for claim in claims:
        if claim.source != source or claim.kind == "quote":
            continue
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return best[1] if best else None


def _unlabelled_judged(reports: dict[str, Report], gold: list[dict[str, Any]],
                       pairs: list[dict[str, Any]], matched: dict[str, str]) -> None:
    """Judged pairs of annotated claims of two sources that no label connects: each is
    read by a person (the labels are not exhaustive), and claims about different things
    judged together are counted from them."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p["a"])] = find(p["b"])
    gold_of = {claim: g for g in gold for gid, claim in matched.items() if gid == g["id"]}
    judged = unlabelled = 0
    lines: list[str] = []
    for report in reports.values():
        for finding in report.findings:
            if finding.verdict not in JUDGED:
                continue
            members = [c for c in finding.claims if c in gold_of]
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    gx, gy = gold_of[x], gold_of[y]
                    if gx["file"] == gy["file"]:
                        continue
                    judged += 1
                    if find(gx["id"]) != find(gy["id"]):
                        unlabelled += 1
                        said = relation_of(finding, x, y) or finding.verdict
                        lines.append(f"    {said.value}: {gx['id']} “{gx['text']}” "
                                     f"({gx['subject']}) / {gy['id']} “{gy['text']}” "
                                     f"({gy['subject']})")
    print(f"  judged cross-source pairs of annotated claims: {judged}, "
          f"not connected by any label: {unlabelled} (read them:)")
    print("\n".join(lines))


# -- GVA ---------------------------------------------------------------------------------

_WORDS = [*sorted(ONES, key=ONES.__getitem__), "twenty"]
_DEATH = r"(?:killed|dead|died|dies|deaths?|slain|fatally|murdered|lifeless|killing)"
_INJURY = r"(?:injured|wounded|hurt|injuries|injuring|wounding|hospitali[sz]ed)"
# a plant changes every mention of the figure, also after a verb of a headline ("Shooting
# Kills 3, Wounds 2")
_DEATH_PLANT = _DEATH[:-1] + r"|kills|slays)"
_INJURY_PLANT = _INJURY[:-1] + r"|wounds|injures|hurts)"
# "no one else was hurt", "one of the victims died": no statement of the figure
_NOT_THE_FIGURE_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_NOT_THE_FIGURE_AFTER = re.compile(r"^\s+(?:of|else)\b", re.IGNORECASE)


def number_forms(n: int) -> list[str]:
    forms = [str(n)]
    if n < len(_WORDS):
        forms.append(_WORDS[n])
    return forms


def stated_spans(text: str, n: int, words: str, other: str | None = None) -> list[tuple[int, int]]:
    """Where a text states the number ``n`` near a word for its measure (a rough reader,
    independent of claimcheck: the number a few words before "killed", "injured", or
    just after "killing", "injuring", in the same clause). With ``other`` (the words of
    the other measure), a number whose word for the other measure comes first ("three
    officers killed and others wounded"), or that follows its measure's word after "and"
    or a comma ("one dead and three hurt"), or that just follows the other measure's word
    ("killed five officers and wounded …"), states the other measure, not this one. A
    gallery's counter ("1 / 9", "3 of 12") states nothing."""
    forms = "|".join(re.escape(f) for f in number_forms(n))
    number = re.compile(rf"\b({forms})\b(?!(?:[,.]\d|-year| (?:years?|months?|weeks?|"
                        rf"days?|hours?|minutes?|p\.?m|a\.?m|o'clock)\b|\s*/\s*\d|"
                        rf" of \d))", re.IGNORECASE)
    after = re.compile(rf"^([^.;:\n]{{0,40}}?)\b{words}\b", re.IGNORECASE)
    before = re.compile(rf"\b{words}\b([^.;:\n]{{0,12}})$", re.IGNORECASE)
    crossed = re.compile(rf"\b{other}\b", re.IGNORECASE) if other else None

    other_before = re.compile(rf"\b{other}\b([^.;:\n]{{0,12}})$", re.IGNORECASE) \
        if other else None

    def states(m: re.Match[str]) -> bool:
        follows = after.search(text[m.end():m.end() + 60])
        ahead = other_before.search(text[max(0, m.start() - 30):m.start()]) \
            if other_before else None
        if ahead and not re.search(r"\band\b|,", ahead.group(1)):
            return False  # "killed five officers and wounded …": the five are the dead
        if follows and not (crossed and crossed.search(follows.group(1))):
            return True
        precedes = before.search(text[max(0, m.start() - 30):m.start()])
        return bool(precedes and not (crossed and re.search(r"\band\b|,",
                                                            precedes.group(1))))

    return [(m.start(1), m.end(1)) for m in number.finditer(text)
            if states(m)
            and not _NOT_THE_FIGURE_BEFORE.search(text[max(0, m.start() - 4):m.start()])
            and not _NOT_THE_FIGURE_AFTER.match(text[m.end():m.end() + 8])]


def planted(text: str, spans: list[tuple[int, int]], n: int, new: int) -> str:
    """``text`` with every mention of ``n`` at ``spans`` replaced by ``new`` in its form."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        written = text[start:end]
        replacement = str(new) if written.isdigit() else _WORDS[new]
        if written[:1].isupper():
            replacement = replacement.capitalize()
        out.extend((text[last:start], replacement))
        last = end
    out.append(text[last:])
    return "".join(out)


@dataclass
class GvaFigures:
    articles_stating: int = 0
    found_right_attribute: int = 0
    found_any_attribute: int = 0
    agreements: int = 0
    agreements_found: int = 0
    agreements_on_a_side: int = 0  # together on one side of a contradiction instead
    planted: int = 0
    planted_found: int = 0
    # missed plants whose article claimcheck still reads the old figure in: the plant
    # reader left a mention of it, so the article states both
    planted_incomplete: int = 0
    incidents: int = 0
    contradictions_unchanged: int = 0
    # contradictions on unchanged articles, by what they oppose (see ``_classify``)
    by_class: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged_shown: list[str] = field(default_factory=list)
    missed_planted: list[str] = field(default_factory=list)
    missed_agreements: list[str] = field(default_factory=list)


def _gva_sources(folder: Path) -> list[Source]:
    from ruamel.yaml import YAML

    meta = YAML(typ="safe").load((folder / "sources.yaml").read_text(encoding="utf-8"))
    sources = []
    for row in meta:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        published = row.get("published")
        sources.append(Source(id=row["file"], path=row["file"], text=text,
                              outlet=row.get("outlet"),
                              published=date.fromisoformat(str(published)) if published
                              else None))
    return sources


def _states(claim: Claim, attribute: str, n: int) -> bool:
    if not isinstance(claim, QuantityClaim) or claim.about.attribute != attribute:
        return False
    interval = claim.value.interval
    return interval.low == n or interval.high == n


def _value_is(claim: Claim, n: int) -> bool:
    if not isinstance(claim, QuantityClaim):
        return False
    interval = claim.value.interval
    return interval.low == n or interval.high == n


def gva(root: Path, cache: DocCache, ruleset: RuleSet, halves: Sequence[str], limit: int,
        show: int) -> None:
    folder = root / "gva"
    if not folder.exists():
        print("gva: not found, skipped")
        return
    rows = [json.loads(line) for line in (folder / "incidents.jsonl").open()]
    rows = [r for r in rows if r["n_documents"] >= 2]
    for half in halves:
        chosen = sorted((r for r in rows if half_of(r["incident"]) == half),
                        key=lambda r: hashlib.sha1(r["incident"].encode()).hexdigest())
        if limit:
            chosen = chosen[:limit]
        started = time.perf_counter()
        figures = GvaFigures()
        for row in chosen:
            _gva_incident(folder / row["incident"], row, cache, ruleset, figures, show)
        _print_gva(half, figures, time.perf_counter() - started)


def _gva_incident(folder: Path, row: dict[str, Any], cache: DocCache, ruleset: RuleSet,
                  figures: GvaFigures, show: int) -> None:
    sources = _gva_sources(folder)
    figures.incidents += 1
    report = run_compare(cache, sources, ruleset)
    for finding in report.findings:
        if finding.verdict is Verdict.CONTRADICT:
            figures.contradictions_unchanged += 1
            kind = _classify(report, finding, row)
            figures.by_class[kind] += 1
            if len(figures.unchanged_shown) < show:
                figures.unchanged_shown.append(f"  incident {row['incident']} (gold killed "
                                               f"{row['killed']}, injured {row['injured']}; "
                                               f"{kind})\n" + describe_finding(report, finding))
    for attribute, gold, words, plant_words, other in (
            ("deaths", row["killed"], _DEATH, _DEATH_PLANT, _INJURY_PLANT),
            ("injuries", row["injured"], _INJURY, _INJURY_PLANT, _DEATH_PLANT)):
        if gold < 1:
            continue
        stating = {s.id: spans for s in sources
                   if (spans := stated_spans(s.text, gold, words, other))}
        for source_id in stating:
            figures.articles_stating += 1
            own = [c for c in report.claims if c.source == source_id]
            figures.found_right_attribute += any(_states(c, attribute, gold) for c in own)
            figures.found_any_attribute += any(_value_is(c, gold) for c in own)
        if len(stating) < 2:
            continue
        figures.agreements += 1
        if any(f.verdict is Verdict.AGREE and _agreeing(report, f.claims, stating, attribute,
                                                        gold) for f in report.findings):
            figures.agreements_found += 1
        elif any(f.verdict is Verdict.CONTRADICT and any(
                _agreeing(report, side, stating, attribute, gold) for side in f.sides)
                 for f in report.findings):
            figures.agreements_on_a_side += 1
        elif len(figures.missed_agreements) < show:
            figures.missed_agreements.append(f"  agreement missed: incident {row['incident']}: "
                                             f"{attribute} {gold}")
        # plant a contradiction: the first stating article says another figure throughout
        target = sorted(stating)[0]
        new = gold + 2 if gold + 2 < len(_WORDS) else gold * 2
        spans = stated_spans(next(s.text for s in sources if s.id == target), gold,
                             plant_words, other)
        changed = [s.model_copy(update={"text": planted(s.text, spans, gold, new)})
                   if s.id == target else s for s in sources]
        figures.planted += 1
        changed_report = run_compare(cache, changed, ruleset)
        hit = False
        for finding in changed_report.findings:
            if finding.verdict is not Verdict.CONTRADICT:
                continue
            members = [changed_report.claim(c) for c in finding.claims]
            if any(c.source == target and _value_is(c, new) for c in members) and any(
                    c.source != target and _value_is(c, gold) for c in members):
                hit = True
        figures.planted_found += hit
        if not hit and any(c.source == target and _states(c, attribute, gold)
                           for c in changed_report.claims):
            figures.planted_incomplete += 1  # the article still states the old figure
        if not hit and len(figures.missed_planted) < show:
            figures.missed_planted.append(f"  incident {row['incident']}: {attribute} "
                                          f"{gold} → {new} in {target}")


def _agreeing(report: Report, claim_ids: Iterable[str], stating: Iterable[str],
              attribute: str, gold: int) -> bool:
    """Whether claims of 2+ of the articles that state the gold figure state it."""
    return len({report.claim(c).source for c in claim_ids
                if report.claim(c).source in stating
                and _states(report.claim(c), attribute, gold)}) >= 2


_CLASS_ORDER = ("toll: the gold figure against another", "toll: neither side the gold figure",
                "arrests", "another measure", "dates, places, quotes")


def _classify(report: Report, finding: Finding, row: dict[str, Any]) -> str:
    """What an unchanged articles' contradiction opposes, against the gold toll: a toll
    (deaths or injuries) with the gold figure on one side (a disagreement of the articles
    or a toll that rose: true if the sides are the same people), a toll where no side
    states the gold figure (mostly a misread: a part, another event), arrests, another
    measure, or a date, place or quote. Counted mechanically; each is read to tell true
    from false."""
    claims = [report.claim(c) for c in finding.claims]
    if not all(isinstance(c, QuantityClaim) for c in claims):
        return _CLASS_ORDER[4]
    attribute = claims[0].about.attribute
    if attribute == "arrests":
        return _CLASS_ORDER[2]
    gold = {"deaths": row["killed"], "injuries": row["injured"]}.get(attribute)
    if gold is None:
        return _CLASS_ORDER[3]
    return _CLASS_ORDER[0] if any(_value_is(c, gold) for c in claims) else _CLASS_ORDER[1]


def _print_gva(half: str, f: GvaFigures, seconds: float) -> None:
    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.0f} %)" if b else f"{a}/0"

    print(f"gva [{half}]: {f.incidents} incidents with 2+ articles ({seconds:.0f} s)")
    print(f"  tolls found with the right attribute: "
          f"{pct(f.found_right_attribute, f.articles_stating)}; "
          f"with any attribute: {pct(f.found_any_attribute, f.articles_stating)}")
    print(f"  agreements found (2+ articles state the gold figure): "
          f"{pct(f.agreements_found, f.agreements)}; together on one side of a "
          f"contradiction instead: {f.agreements_on_a_side}")
    print(f"  planted contradictions found: {pct(f.planted_found, f.planted)}"
          f" (of the missed, {f.planted_incomplete} still state the old figure elsewhere:"
          f" the plant missed a mention)")
    print(f"  contradictions on unchanged articles: {f.contradictions_unchanged}" + (
        " (" + ", ".join(f"{kind}: {f.by_class[kind]}" for kind in _CLASS_ORDER
                         if f.by_class.get(kind)) + ")" if f.contradictions_unchanged else ""))
    for line in f.unchanged_shown:
        print(line)
    for line in f.missed_planted:
        print(line)
    for line in f.missed_agreements:
        print(line)


# -- Multi-News --------------------------------------------------------------------------

def multinews(root: Path, cache: DocCache, ruleset: RuleSet, halves: Sequence[str],
              limit: int) -> None:
    path = root / "multinews_dev.jsonl"
    if not path.exists():
        print("multinews: not found, skipped")
        return
    clusters = [json.loads(line) for line in path.open()]
    for half in halves:
        chosen = [c for c in clusters if half_of(c["cluster_id"]) == half]
        if limit:
            chosen = chosen[:limit]
        started = time.perf_counter()
        contradictions = agreements = estimated = 0
        by_rule: dict[str, int] = defaultdict(int)
        lines: list[str] = []
        for cluster in chosen:
            sources = [Source(id=f"{cluster['cluster_id']}-{i}.txt", path=f"{i}.txt",
                              text=text)
                       for i, text in enumerate(cluster["documents"])]
            claims = cache.claims(sources, ruleset.vocabulary)
            report = compare(sources, ruleset, claims=claims)
            estimated += bool(build_story(claims).years)  # no source has a date
            for finding in report.findings:
                if finding.verdict is Verdict.AGREE:
                    agreements += 1
                elif finding.verdict is Verdict.CONTRADICT:
                    contradictions += 1
                    by_rule[finding.rule] += 1
                    lines.append(f"  cluster {cluster['cluster_id']}\n"
                                 + describe_finding(report, finding))
        print(f"multinews [{half}]: {len(chosen)} clusters ({estimated} with a story year "
              f"estimated from the years they name), {agreements} agreements, "
              f"{contradictions} contradictions ({time.perf_counter() - started:.0f} s): "
              + ", ".join(f"{n} {rule}" for rule, n in sorted(by_rule.items())))
        print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="events,gva,multinews")
    parser.add_argument("--half", choices=("dev", "held", "both"), default="dev")
    parser.add_argument("--limit", type=int, default=0, help="incidents or clusters per half")
    parser.add_argument("--show", type=int, default=10,
                        help="GVA contradictions and missed plants to print")
    parser.add_argument("--news", default=None, help="the news folder")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    root = news_dir(args.news)
    if not root.exists():
        print(f"no news sets at {root}: nothing to measure")
        return 0
    cache = DocCache(model=args.model)
    ruleset = load_ruleset()
    halves = ("dev", "held") if args.half == "both" else (args.half,)
    sets = args.sets.split(",")
    if "events" in sets:
        events(root, cache, ruleset)
    if "gva" in sets:
        gva(root, cache, ruleset, halves, args.limit, args.show)
    if "multinews" in sets:
        multinews(root, cache, ruleset, halves, args.limit)
    print(f"(docs parsed {cache.parsed}, read from cache {cache.read})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
