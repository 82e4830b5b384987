"""Does the whole pipeline stay linear on hostile shapes of article? Double and see.

Run: ``python -m benchmarks.doubling [--quick] [--shapes a,b] [--steps N] [--base CHARS]
[--no-link] [--repeat N]``. For each shape of text (many quotes, unbalanced quote marks, lists of
numbers, number words, nested brackets, HTML pages of many tiny tags, a long article) it
builds an article at size n, 2n, 4n… and prints, per size, the CPU seconds of
claimcheck's whole path from the file's text to the report (reading, HTML extraction,
spaCy, extraction, grouping, rules), with its stages (``read``: building the source,
HTML extraction included; ``extr``: parsing and finding claims; ``link``: grouping
claims, rules and report), and of spaCy alone on the same text, then the ratio of each
step to the one before (2.0 is linear, 4.0 quadratic), characters per second of both,
and the peak memory each needed beyond the loaded pipeline (each measurement runs in a
forked child, whose maximum resident size is its own). Ratios are measured side by side
in one run, so a machine busy with other work shifts both; ``--repeat N`` runs each
measurement N times and keeps the median run (by its total; its peak memory the largest
of the N), which tames the noise of a shared machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

_WORDS = ("officials", "said", "the", "ministry", "reported", "in", "a", "statement",
          "fighting", "continued", "near", "the", "border", "on", "Friday")


def _prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _repeat(make_unit: Callable[[random.Random, int], str], chars: int) -> str:
    """Units (numbered, so no two are equal) until the text reaches ``chars``."""
    rng = random.Random(chars)
    parts: list[str] = []
    size = 0
    index = 0
    while size < chars:
        unit = make_unit(rng, index)
        parts.append(unit)
        size += len(unit)
        index += 1
    return "".join(parts)[:chars]


def many_quotes(chars: int) -> str:
    return _repeat(lambda r, i: f'"We counted {i + 3} bodies on day {i % 28 + 1}," '
                   f"said Ahmed Said{i % 7}, a doctor. {_prose(r, 6)}.\n", chars)


def unbalanced_quotes(chars: int) -> str:
    marks = ('"', "“", "”", "'", "‘")
    return _repeat(lambda r, i: f"{r.choice(marks)}At least {i + 2} people died "
                   f"{r.choice(marks)} {_prose(r, 5)} ", chars)


def number_lists(chars: int) -> str:
    return _repeat(lambda r, i: f"{(i * 2 + 12) % 9000}, ", chars)


def number_words(chars: int) -> str:
    tens = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    ones = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return _repeat(lambda r, i: f"{r.choice(tens)}-{r.choice(ones)} thousand "
                   f"{r.choice(ones)} hundred and {r.choice(ones)} ", chars)


def nested_brackets(chars: int) -> str:
    depth = max(1, (chars - 20) // 2)
    return "(" * depth + "40 people [died]" + ")" * depth


def spaced_brackets(chars: int) -> str:
    """One endless sentence: brackets nested with spaces, so each is its own token."""
    depth = max(1, (chars - 20) // 4)
    return "( " * depth + "40 people [died]" + " )" * depth


def tiny_tags(chars: int) -> str:
    body = _repeat(lambda r, i: f"<span>{i}</span><b>x</b><i>{r.choice(_WORDS)}</i>",
                   chars)
    return f"<html><head><title>t</title></head><body><article><p>{body}</p>" \
        "</article></body></html>"


def html_page(chars: int) -> str:
    paragraph = ("<p>At least {n} people were killed on Friday in clashes near Damascus, "
                 "officials said, and more than 1,200 were injured.</p>\n"
                 '<div class="ad"><a href="/x{n}">Read more</a></div>\n')
    body = _repeat(lambda r, i: paragraph.format(n=i + 2), chars)
    return f"<html><head><title>Clashes</title></head><body><nav><a href='/'>Home</a></nav>" \
        f"<article>{body}</article><footer>(c) News</footer></body></html>"


def long_article(chars: int) -> str:
    paragraph = ("At least {n} people were killed on Friday in clashes near Damascus, "
                 "officials said, and more than 1,200 were injured in fighting that began "
                 "on Aug. 21. \"We will not stop,\" said {name}, a commander.\n\n")
    names = ("Ahmed Jarba", "Selim Idriss", "Walid al-Moallem")
    return _repeat(lambda r, i: paragraph.format(n=i + 2, name=names[i % 3]), chars)


# shape → (builder, base size in characters, file suffix)
SHAPES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "many-quotes": (many_quotes, 25_000, ".txt"),
    "unbalanced-quotes": (unbalanced_quotes, 25_000, ".txt"),
    "number-lists": (number_lists, 25_000, ".txt"),
    "number-words": (number_words, 25_000, ".txt"),
    "nested-brackets": (nested_brackets, 25_000, ".txt"),
    "spaced-brackets": (spaced_brackets, 25_000, ".txt"),
    "tiny-tags-html": (tiny_tags, 50_000, ".html"),
    "html-page": (html_page, 100_000, ".html"),
    "long-article": (long_article, 250_000, ".txt"),
}


def _cpu(work: Callable[[], Any], nlp: Any) -> tuple[float, Any]:
    # spaCy's tokenizer caches the tokens of each whitespace-separated chunk: without a
    # flush, whichever run comes second would tokenize nothing
    nlp.tokenizer._flush_cache()
    gc.collect()
    began = time.process_time()
    result = work()
    return time.process_time() - began, result


def _rss_kib() -> int:
    """This process's resident memory now (Linux), in KiB; 0 where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def _measured(work: Callable[[], dict[str, float]]) -> tuple[dict[str, float], float]:
    """``work``'s figures and its peak memory growth in MB, run in a forked child so
    that each measurement starts from the same memory and its peak is its own (the
    child's maximum resident size, less what it had inherited)."""
    if not hasattr(os, "fork"):
        return work(), float("nan")
    base = _rss_kib()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report, leave without cleanup
        os.close(read_end)
        try:
            payload = json.dumps(work()).encode()
        except BaseException as error:  # reported to the parent
            payload = json.dumps({"error": repr(error)}).encode()
        os.write(write_end, payload)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as handle:
        data = handle.read()
    _, _, usage = os.wait4(pid, 0)
    figures = json.loads(data or b'{"error": "no result"}')
    if "error" in figures:
        raise RuntimeError(figures["error"])
    return figures, max(0.0, (usage.ru_maxrss - base) / 1024)


def _median(work: Callable[[], dict[str, float]],
            repeat: int) -> tuple[dict[str, float], float]:
    """``work`` measured ``repeat`` times (each in its own child): the figures of the run
    whose total is the median (the lower of the middle two for an even count), and the
    largest peak memory growth of them all."""
    runs = [_measured(work) for _ in range(max(1, repeat))]
    middle = statistics.median_low(figures["total"] for figures, _ in runs)
    figures = next(figures for figures, _ in runs if figures["total"] == middle)
    return figures, max(peak for _, peak in runs)


def _whole(text: str, suffix: str, nlp: Any, ruleset: Any) -> Any:
    """What ``claimcheck compare FILE`` does after reading the file's bytes."""
    from claimcheck import api

    return api.compare([_source(text, suffix)], ruleset, nlp=nlp)


def _source(text: str, suffix: str) -> Any:
    from claimcheck.sources import source_from_html, source_from_text

    name = f"case{suffix}"
    return (source_from_html(text, name) if suffix == ".html"
            else source_from_text(text, name))


def _ours(text: str, suffix: str, nlp: Any, ruleset: Any,
          link: bool = True) -> dict[str, float]:
    """CPU seconds of the whole path, and of its stages: reading (HTML extraction),
    parsing and finding claims, then grouping, rules and report (unless ``link`` is
    off)."""
    from claimcheck import api

    read, source = _cpu(lambda: _source(text, suffix), nlp)
    extract, claims = _cpu(lambda: api.pipeline_claims([source], ruleset, nlp), nlp)
    rest = 0.0
    if link:
        rest, _ = _cpu(lambda: api.compare([source], ruleset, claims=claims), nlp)
    return {"total": read + extract + rest, "read": read, "extract": extract, "link": rest}


def _spacy_only(text: str, suffix: str, nlp: Any) -> dict[str, float]:
    """spaCy alone, on the text claimcheck gives it (for HTML, the extracted article),
    cut at its length limit as it needs."""
    body = _source(text, suffix).readable_body
    seconds, _ = _cpu(lambda: body and sum(len(d) for d in nlp.pipe(_parts(body, nlp))),
                      nlp)
    return {"total": seconds}


def _parts(body: str, nlp: Any) -> list[str]:
    limit = nlp.max_length
    return [body[i:i + limit] for i in range(0, len(body), limit)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the sizes")
    parser.add_argument("--steps", type=int, default=3, help="sizes per shape (doubling)")
    parser.add_argument("--shapes", default="", help="comma-separated shapes to run")
    parser.add_argument("--base", type=int, default=0, help="first size in characters "
                        "(default: each shape's own)")
    parser.add_argument("--no-link", action="store_true", help="stop after extraction: "
                        "reading, spaCy and the finders, without grouping and rules")
    parser.add_argument("--repeat", type=int, default=1, help="run each measurement N "
                        "times and keep the median (default 1)")
    args = parser.parse_args()
    chosen = [s for s in args.shapes.split(",") if s] or list(SHAPES)

    from claimcheck.extract.gazetteer import load_gazetteer
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.rules import load_ruleset

    nlp = load_pipeline()
    ruleset = load_ruleset()
    load_gazetteer()
    _whole("At least 40 people died near Damascus on Aug. 21, he said.", ".txt", nlp, ruleset)
    _whole("<html><body><p>At least 40 people died.</p></body></html>", ".html", nlp, ruleset)

    print(f"{'shape':<18} {'chars':>9} {'ours s':>7} {'read':>6} {'extr':>6} {'link':>6} "
          f"{'spaCy s':>7} {'ratio':>5} {'spaCy':>5} {'ours c/s':>8} {'spaCy c/s':>9} "
          f"{'ours MB':>7} {'spaCy MB':>8}")
    worst: dict[str, float] = {}
    peak: dict[str, float] = {}
    for name in chosen:
        build, base, suffix = SHAPES[name]
        base = args.base or base
        if args.quick:
            base //= 4
        previous: tuple[float, float] | None = None
        for step in range(args.steps):
            text = build(base * 2 ** step)
            ours, ours_mb = _median(
                lambda text=text, suffix=suffix: _ours(text, suffix, nlp, ruleset,
                                                       link=not args.no_link), args.repeat)
            alone, alone_mb = _median(
                lambda text=text, suffix=suffix: _spacy_only(text, suffix, nlp), args.repeat)
            total, spacy_total = ours["total"], alone["total"]
            ratio = spacy_ratio = ""
            if previous is not None:
                value = total / previous[0] if previous[0] > 1e-3 else float("nan")
                worst[name] = max(worst.get(name, 0.0), value)
                ratio = f"{value:.2f}"
                spacy_ratio = f"{spacy_total / previous[1]:.2f}" if previous[1] > 1e-3 else "-"
            previous = (total, spacy_total)
            peak[name] = max(peak.get(name, 0.0), ours_mb)
            print(f"{name:<18} {len(text):>9,} {total:>7.2f} {ours['read']:>6.2f} "
                  f"{ours['extract']:>6.2f} {ours['link']:>6.2f} {spacy_total:>7.2f} "
                  f"{ratio:>5} {spacy_ratio:>5} {len(text) / max(total, 1e-9):>8,.0f} "
                  f"{len(text) / max(spacy_total, 1e-9):>9,.0f} {ours_mb:>7,.0f} "
                  f"{alone_mb:>8,.0f}", flush=True)
    print()
    print("worst ratio per doubling: " + ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))
    print("peak memory growth (MB): " + ", ".join(f"{k} {v:,.0f}" for k, v in peak.items()))


if __name__ == "__main__":
    main()
