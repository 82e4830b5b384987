"""Parallel and cached extraction give exactly the single-process result, in order."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import spacy

from claimcheck.cache import ClaimStore
from claimcheck.extract.mention import Mention
from claimcheck.model.numbers import Interval, QuantityValue
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.parallel import chunks, claims_fit, extract_sources
from claimcheck.sources import Source

VOCABULARY = Vocabulary()
_DIGITS = re.compile(r"\d+")
calls: list[int] = []


def digits(doc: Any, published: dt.date | None) -> list[Mention]:
    """A finder without a model: every run of digits is a count of people."""
    calls.append(1)
    return [Mention(kind="quantity", start=m.start(), end=m.end(),
                    value=QuantityValue(interval=Interval.point(Decimal(m.group())),
                                        unit="person"))
            for m in _DIGITS.finditer(doc.text)]


def blank() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def corpus(count: int) -> list[Source]:
    return [Source(id=f"{i:03}.txt", path=f"{i:03}.txt", published=dt.date(2024, 1, 1),
                   text=f"Report {i}. At least {i * 7} people died. {i + 3} were hurt.\n")
            for i in range(count)]


def test_jobs_give_the_single_process_result_in_order() -> None:
    sources = corpus(23)
    one = extract_sources(sources, VOCABULARY, blank(), finders=[digits], batch_size=4)
    two = extract_sources(sources, VOCABULARY, blank(), jobs=2, finders=[digits],
                          batch_size=4)
    assert two == one
    assert [claims[0].source for claims in two] == [s.id for s in sources]
    assert one[5][1].value.interval.low == 35


def test_a_warm_run_parses_nothing_and_returns_the_same(tmp_path: Path) -> None:
    sources = corpus(12)
    with ClaimStore(tmp_path / "c.sqlite") as store:
        cold = extract_sources(sources, VOCABULARY, blank(), store=store, finders=[digits])
        calls.clear()
        warm = extract_sources(sources, VOCABULARY, blank(), store=store, finders=[digits])
        assert warm == cold and calls == []
        changed = [*sources[:-1], sources[-1].model_copy(update={"text": "Now 99 died."})]
        again = extract_sources(changed, VOCABULARY, blank(), store=store, finders=[digits])
        assert len(calls) == 1 and again[:-1] == cold[:-1]
        assert again[-1][0].text == "99"


class Lazy:
    """Stands for a pipeline that must not be loaded when everything is cached."""

    identity = "test-pipeline==1"

    def load(self) -> Any:
        raise AssertionError("loaded the pipeline for a fully cached run")


def test_a_fully_cached_run_never_loads_the_pipeline(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.nlp.identity as identity
    import claimcheck.parallel as parallel

    monkeypatch.setattr(identity, "LazyPipeline", Lazy)
    monkeypatch.setattr(parallel, "materialise", lambda nlp: nlp.load()
                        if isinstance(nlp, Lazy) else nlp)
    sources = corpus(5)
    with ClaimStore(tmp_path / "c.sqlite") as store:
        identity_of_blank = identity.pipeline_identity(Lazy())
        assert identity_of_blank == "test-pipeline==1"
        nlp = blank()
        monkeypatch.setattr(identity, "pipeline_identity", lambda _: "test-pipeline==1")
        monkeypatch.setattr(parallel, "pipeline_identity", lambda _: "test-pipeline==1")
        cold = extract_sources(sources, VOCABULARY, nlp, store=store, finders=[digits])
        warm = extract_sources(sources, VOCABULARY, Lazy(), store=store, finders=[digits])
    assert warm == cold


def test_progress_counts_the_sources_parsed(tmp_path: Path) -> None:
    seen: list[int] = []

    @contextmanager
    def progress(total: int) -> Iterator[Any]:
        seen.append(total)
        yield seen.append

    sources = corpus(6)
    with ClaimStore(tmp_path / "c.sqlite") as store:
        extract_sources(sources[:2], VOCABULARY, blank(), store=store, finders=[digits])
        extract_sources(sources, VOCABULARY, blank(), store=store, finders=[digits],
                        progress=progress)
    assert seen == [4, 1, 1, 1, 1]


def test_cached_claims_are_trusted_only_where_they_fit_their_text() -> None:
    source = Source(id="a.txt", path="a.txt", published=dt.date(2024, 1, 1),
                    text="Report 12 is out. At least <!-- 9 --> 40 people died.\n")
    (claims,) = extract_sources([source], VOCABULARY, blank(), finders=[digits])
    plain, masked = claims
    assert (plain.text, masked.text) == ("12", "40") and "<!--" not in masked.sentence
    assert claims_fit(claims, source)  # a sentence as the parser saw it fits too
    for claim in (plain, masked):
        moved = claim.model_copy(update={"start": claim.start + 1})
        renamed = claim.model_copy(update={"source": "b.txt"})
        reworded = claim.model_copy(update={"sentence": claim.sentence.replace("s", "z")})
        for wrong in (moved, renamed, reworded):
            assert not claims_fit([wrong], source)


def _sized(lengths: list[int]) -> list[Source]:
    return [Source(id=f"{i:03}.txt", path=f"{i:03}.txt", text="x" * n)
            for i, n in enumerate(lengths)]


def _finish_times(tasks: list[list[Source]], jobs: int) -> list[int]:
    """When each process finishes, each task going in order to the first one free."""
    busy = [0] * jobs
    for task in tasks:
        free = busy.index(min(busy))
        busy[free] += sum(len(s.readable_body) + 1 for s in task)
    return busy


def test_tasks_are_parsing_batches_while_much_is_left_then_smaller() -> None:
    sources = _sized([1000] * 200)
    tasks = chunks(sources, 2, 16)
    assert [s for task in tasks for s in task] == sources  # every source once, in order
    assert len(tasks[0]) == 16 and all(len(t) <= 16 for t in tasks)
    assert len(tasks[-1]) == 1
    assert chunks(_sized([5]), 4, 16) == [_sized([5])]


@pytest.mark.parametrize("seed", range(5))
def test_processes_finish_within_one_article_of_each_other(seed: int) -> None:
    import random

    lengths = [random.Random(seed).randint(200, 20_000) for _ in range(150)]
    for jobs in (2, 3):
        busy = _finish_times(chunks(_sized(lengths), jobs, 16), jobs)
        assert max(busy) - min(busy) <= max(lengths) + 1
        # fixed batches of 16 leave one process a whole batch behind
        fixed = [_sized(lengths)[i:i + 16] for i in range(0, len(lengths), 16)]
        assert max(busy) <= max(_finish_times(fixed, jobs))


def test_no_progress_bar_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.progress import MIN_ITEMS, terminal_progress

    with terminal_progress(MIN_ITEMS * 10) as step:
        step(1)
    assert capsys.readouterr() == ("", "")
