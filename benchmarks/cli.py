"""Whole commands timed as a user waits for them, next to a raw spaCy process.

Run: ``python -m benchmarks.cli [--parts startup,compare,share,warm,jobs] [--runs N]
[--against SRC]``. Every figure is a new process, started as a user starts it
(``python -m claimcheck …``), repeated ``--runs`` times (min and median, hyperfine
style) and interleaved with the process it is compared to, so that a machine busy with
other work slows both alike: trust the ratios printed side by side, not the seconds.

- ``startup``: ``--version``, ``--help``, ``rules list``, ``parse`` of one sentence.
- ``compare``: ``compare`` (text on stdout and the HTML report, as by default) with an
  empty (cold) and a full (warm) claims cache, next to ``benchmarks.spacy_only`` (the
  same pipeline, ``nlp.pipe`` with the same batch size over the same files, nothing
  else) on 60 generated articles, 300 real articles from ``news/gva`` and 300 from
  ``news/multinews_dev.jsonl``; prints claimcheck's pace as a share of raw spaCy's.
- ``share``: a cold ``compare`` of 600 generated articles with ``CLAIMCHECK_TIMINGS``
  set: the share of its time spent after the parser (grouping, rules, report, output).
- ``warm``: a ``check`` of one draft with every source cached, at 60, 600 and 1,000
  sources.
- ``jobs``: a cold ``compare`` of 200 generated articles with ``--jobs 2`` against
  ``--jobs 1``: the wall-time speed-up, and the speed-up an idle machine would give,
  from processor times (``CLAIMCHECK_TIMINGS``): the main process's own plus its slowest
  worker's, for the whole command and for the extraction alone. On a machine busy with
  other work the wall figure understates it: where the scheduler shares the processors
  between sessions (Linux's autogroups), a second process of the same command gets no
  more of them than the first had.

``--against SRC`` adds a second claimcheck, the package in the source folder SRC (for
example an export of an earlier commit), run by the same interpreter side by side, so
a change is measured before and after in one run. Processes run with bytecode written
and read, as from an installed package, whatever ``PYTHONDONTWRITEBYTECODE`` says.

The real articles are read from ``$CLAIMCHECK_NEWS_DIR``, else the first ``shared/news``
beside the project or one of its parent folders; they are copied into a temporary
folder (``sources.yaml`` reduced to ``file``, ``outlet`` and ``published``) and skipped
when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import DRAFT, generate, write

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PARTS = ("startup", "compare", "share", "warm", "jobs")
AFTER_PARSER = ("link", "rules", "report", "render")  # stages of CLAIMCHECK_TIMINGS
SENTENCE = "Some 90,000 people have died since the conflict began in early 2011."


def news_dir() -> Path | None:
    """``$CLAIMCHECK_NEWS_DIR``, else the nearest ``shared/news`` beside the project."""
    configured = os.environ.get("CLAIMCHECK_NEWS_DIR")
    if configured:
        return Path(configured) if Path(configured).is_dir() else None
    for folder in PROJECT_ROOT.parents:
        if (folder / "shared" / "news").is_dir():
            return folder / "shared" / "news"
    return None


# -- processes -------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system of the process and the children it waited for
    stdout: str
    stderr: str
    code: int = 0


@dataclass
class Contender:
    """A way to start claimcheck: this checkout, or the package of another source folder."""

    name: str
    pythonpath: str | None = None

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = user_env()
        if self.pythonpath is not None:
            env["PYTHONPATH"] = self.pythonpath
        else:
            # this checkout's package, not whichever one an install points at: processes
            # start in a temporary folder, where ``python -m claimcheck`` would otherwise
            # import the installed (or another checkout's editable) package
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH")) if p)
        env.update(extra or {})
        return env

    def command(self, *args: str) -> list[str]:
        if self.pythonpath is None:
            return [sys.executable, "-m", "claimcheck", *args]
        # The package of another source folder, without this checkout's editable-install
        # finder: it maps ``claimcheck.packs`` to this checkout's rule packs, which the
        # other package cannot read when their vocabularies differ.
        return [sys.executable, "-c", _WITHOUT_EDITABLE_FINDER, *args]

    def compile(self) -> None:
        """Byte-compile the package, as an install does (``python -m claimcheck`` from a
        source folder would otherwise compile it in every process)."""
        root = Path(self.pythonpath) if self.pythonpath else PROJECT_ROOT
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "claimcheck"),
                        str(PROJECT_ROOT / "benchmarks")], check=True, env=user_env())


_WITHOUT_EDITABLE_FINDER = (
    "import runpy, sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path "
    "if not getattr(f, '__module__', '').startswith('__editable__')]; "
    "runpy.run_module('claimcheck', run_name='__main__', alter_sys=True)"
)


def user_env() -> dict[str, str]:
    """The environment of a user's shell: bytecode written and read as usual."""
    env = dict(os.environ)
    for name in ("CLAIMCHECK_TIMINGS", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def timed(command: Sequence[str], env: dict[str, str], cwd: Path,
          ok: Callable[[int], bool] = lambda code: code in (0, 1)) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd,
                          check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not ok(done.returncode):
        raise SystemExit(f"{' '.join(command[:6])}… failed ({done.returncode}):\n"
                         f"{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, done.stdout, done.stderr, done.returncode)


@dataclass
class Series:
    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def best(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    def line(self, reference: Series | None = None, *, inverse: bool = False) -> str:
        text = (f"  {self.label:<44} median {self.median:7.2f} s  min {self.best:7.2f} s  "
                f"cpu {self.cpu:7.2f} s")
        if reference is not None:
            ratio = reference.median / self.median if inverse else self.median / reference.median
            cpu_ratio = reference.cpu / self.cpu if inverse else self.cpu / reference.cpu
            text += f"  ×{ratio:.2f} (cpu ×{cpu_ratio:.2f})"
        codes = sorted({r.code for r in self.runs} - {0, 1})
        return text + (f"  (exit {', '.join(map(str, codes))})" if codes else "")


def interleaved(runs: int, makers: Sequence[tuple[Series, Callable[[int], Run]]]) -> None:
    """Run each series ``runs`` times, round-robin, so load changes hit all alike."""
    for i in range(runs):
        for series, make in makers:
            series.runs.append(make(i))


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


# -- corpora ---------------------------------------------------------------------------


def generated(root: Path, count: int, name: str | None = None) -> list[Path]:
    return [write(generate(count), root / (name or f"generated_{count}"))]


def gva_articles(root: Path, news: Path, count: int) -> list[Path]:
    """The first ``count`` articles of ``news/gva`` by incident, one folder per incident."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    folders: list[Path] = []
    seen: set[str] = set()  # an article cited for two incidents is taken once
    taken = 0
    for incident in sorted(p for p in (news / "gva").iterdir() if p.is_dir()):
        if taken >= count:
            break
        entries = yaml.load((incident / "sources.yaml").read_text(encoding="utf-8")) or []
        entries = [e for e in entries if e["file"] not in seen][:count - taken]
        if not entries:
            continue
        seen.update(e["file"] for e in entries)
        target = root / "gva" / incident.name
        target.mkdir(parents=True)
        kept = []
        for entry in entries:
            shutil.copyfile(incident / entry["file"], target / entry["file"])
            kept.append(f"- file: {entry['file']}\n  outlet: {json.dumps(entry['outlet'])}\n"
                        f"  published: \"{entry['published']}\"\n")
        (target / "sources.yaml").write_text("".join(kept), encoding="utf-8")
        taken += len(kept)
        folders.append(target)
    return folders


def multinews_articles(root: Path, news: Path, count: int) -> list[Path]:
    """The first ``count`` non-empty articles of ``news/multinews_dev.jsonl``, one folder."""
    target = root / "multinews"
    target.mkdir(parents=True)
    taken = 0
    with (news / "multinews_dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            for i, document in enumerate(cluster["documents"]):
                if taken < count and document.strip():
                    (target / f"{cluster['cluster_id']}_{i}.txt").write_text(
                        document, encoding="utf-8")
                    taken += 1
    return [target]


def word_total(folders: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for f in folders
               for p in f.iterdir() if p.suffix in (".txt", ".md"))


# -- parts -----------------------------------------------------------------------------


def raw_spacy(folders: list[Path], cwd: Path) -> Callable[[int], Run]:
    command = [sys.executable, "-m", "benchmarks.spacy_only", *map(str, folders)]
    env = dict(user_env(), PYTHONPATH=str(PROJECT_ROOT))
    return lambda _: timed(command, env, cwd)


def part_startup(contenders: list[Contender], tmp: Path, runs: int) -> None:
    print(f"start-up ({load_line()})")
    for args in (("--version",), ("--help",), ("rules", "list"), ("parse", SENTENCE)):
        makers = []
        for c in contenders:
            series = Series(f"{c.name}: {' '.join(args)[:30]}")
            makers.append((series, lambda _, c=c, a=args: timed(
                c.command(*a), c.env(), tmp, ok=lambda code: True)))
        interleaved(runs, makers)
        for series, _ in makers:
            print(series.line())


def part_compare(contenders: list[Contender], tmp: Path, runs: int,
                 corpora: list[tuple[str, list[Path]]]) -> None:
    for n, (label, folders) in enumerate(corpora):
        print(f"compare, {label}: {word_total(folders):,} words ({load_line()})")
        spacy = Series("raw spaCy process")
        makers: list[tuple[Series, Callable[[int], Run]]] = [(spacy, raw_spacy(folders, tmp))]
        for c in contenders:
            warm_cache = tmp / f"warm-{c.name}-{n}.sqlite"

            def cold(i: int, c: Contender = c, warm_cache: Path = warm_cache,
                     folders: list[Path] = folders) -> Run:
                cache = tmp / f"cold-{c.name}-{i}.sqlite"
                run = timed(c.command("compare", *map(str, folders), "--cache", str(cache),
                                      "--fail-on", "never"), c.env(), tmp)
                if not warm_cache.exists():
                    cache.replace(warm_cache)
                return run

            def warm(_: int, c: Contender = c, warm_cache: Path = warm_cache,
                     folders: list[Path] = folders) -> Run:
                return timed(c.command("compare", *map(str, folders), "--cache",
                                       str(warm_cache), "--fail-on", "never"), c.env(), tmp)

            makers.append((Series(f"{c.name}: compare, cold cache"), cold))
            makers.append((Series(f"{c.name}: compare, warm cache"), warm))
        interleaved(runs, makers)
        print(spacy.line())
        for series, _ in makers[1:]:
            print(series.line(spacy, inverse=True))
        print(f"  (×: raw spaCy's time / claimcheck's; ≥ 0.90 wanted cold)  {load_line()}")


def part_share(contenders: list[Contender], tmp: Path, runs: int, folders: list[Path]) -> None:
    print(f"share after the parser, compare of {len(list(folders[0].glob('*.txt')))} "
          "generated articles "
          f"({word_total(folders):,} words; {load_line()})")
    makers: list[tuple[Series, Callable[[int], Run]]] = []
    for c in contenders:
        makers.append((Series(f"{c.name}: compare, cold cache"),
                       lambda i, c=c: timed(c.command(
                           "compare", *map(str, folders), "--cache",
                           str(tmp / f"share-{c.name}-{i}.sqlite"), "--fail-on", "never"),
                           c.env({"CLAIMCHECK_TIMINGS": "1"}), tmp)))
    interleaved(runs, makers)
    for series, _ in makers:
        print(series.line())
        for run in series.runs:
            stages = _stages(run.stderr)
            if stages:
                after = sum(stages.get(name, 0.0) for name in AFTER_PARSER)
                shown = " ".join(f"{k} {v:.2f}" for k, v in stages.items())
                print(f"    stages: {shown}; after the parser {after:.2f} s = "
                      f"{after / run.wall:.1%} of {run.wall:.1f} s (< 3 % wanted)")
            else:
                print("    (no stage timings in this claimcheck)")


def _stages(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("claimcheck: timings:"):
            pairs = (item.split("=") for item in line.split(":", 2)[2].split())
            return {name: float(value) for name, value in pairs}
    return {}


def part_warm(contenders: list[Contender], tmp: Path, runs: int, sizes: list[int]) -> None:
    everything = generate(max(sizes))
    draft = tmp / "draft.md"
    draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    folders = {n: write(everything[:n], tmp / f"warm_sources_{n}") for n in sizes}
    largest = folders[max(sizes)]
    print(f"warm check of one draft, every source cached ({load_line()})")
    for c in contenders:
        cache = tmp / f"check-{c.name}.sqlite"
        fill = timed(c.command("check", str(draft), "--sources", str(largest), "--cache",
                               str(cache), "--no-html", "--fail-on", "never", "--jobs", "2"),
                     c.env(), tmp)
        print(f"  {c.name}: cache filled by a cold check of {max(sizes)} sources, --jobs 2, "
              f"in {fill.wall:.1f} s")
    for n in sizes:
        makers = [(Series(f"{c.name}: warm check, {n} sources"),
                   lambda _, c=c, n=n: timed(c.command(
                       "check", str(draft), "--sources", str(folders[n]), "--cache",
                       str(tmp / f"check-{c.name}.sqlite"), "--no-html", "--fail-on", "never"),
                       c.env(), tmp)) for c in contenders]
        interleaved(runs, makers)
        for series, _ in makers:
            print(series.line(makers[0][0]) if len(makers) > 1 else series.line())
    print(f"  (target: ≤ 0.3 s at 60, ≤ 1 s at 1,000)  {load_line()}")


def part_jobs(contenders: list[Contender], tmp: Path, runs: int, folders: list[Path]) -> None:
    print(f"--jobs on {len(list(folders[0].glob('*.txt')))} generated articles, no cache "
          f"({word_total(folders):,} words; "
          f"{load_line()})")
    for c in contenders:
        makers = [(Series(f"{c.name}: compare --jobs {jobs}"),
                   lambda _, c=c, jobs=jobs: timed(c.command(
                       "compare", *map(str, folders), "--no-cache", "--no-html",
                       "--fail-on", "never", "--jobs", str(jobs)),
                       c.env({"CLAIMCHECK_TIMINGS": "1"}), tmp))
                  for jobs in (1, 2)]
        interleaved(runs, makers)
        one, two = makers[0][0], makers[1][0]
        print(one.line())
        print(two.line())
        print(f"  {c.name}: speed-up ×{one.median / two.median:.2f} wall (≥ 1.6 wanted)")
        found = [[_critical_path(run.stderr) for run in series.runs] for series in (one, two)]
        paths = [[p for p in runs if p is not None] for runs in found]
        if all(len(p) == len(runs) for p, runs in zip(paths, found, strict=True)):
            whole = [statistics.median(p[0] for p in runs) for runs in paths]
            extract = [statistics.median(p[1] for p in runs) for runs in paths]
            print(f"  {c.name}: speed-up ×{whole[0] / whole[1]:.2f} on an idle machine's "
                  f"critical path (processor seconds: {whole[0]:.1f} in one process; "
                  f"{whole[1]:.1f} serial + slowest worker), extraction alone "
                  f"×{extract[0] / extract[1]:.2f} ({extract[0]:.1f} → {extract[1]:.1f})")
    print(f"  {load_line()}")


def _critical_path(stderr: str) -> tuple[float, float] | None:
    """Processor seconds of the whole command and of its extraction as an idle machine
    would run them: the main process's own, plus the slowest worker's (workers run side
    by side while the main process waits). Other work on a shared machine stretches wall
    times, not these."""
    for line in stderr.splitlines():
        if line.startswith("claimcheck: cpu:"):
            pairs = dict(item.split("=") for item in line.split(":", 2)[2].split())
            slowest = max((float(w) for w in pairs.get("workers", "").split(",") if w),
                          default=0.0)
            return (float(pairs["self"]) + slowest,
                    float(pairs.get("extract", 0.0)) + slowest)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma-separated, of {', '.join(PARTS)}")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command")
    parser.add_argument("--against", type=Path, help="source folder of another claimcheck")
    parser.add_argument("--real", type=int, default=300, help="real articles per set (0: none)")
    parser.add_argument("--real-sets", default="gva,multinews",
                        help="which real sets: gva, multinews (comma-separated)")
    parser.add_argument("--generated", type=int, default=60)
    parser.add_argument("--warm-sizes", default="60,600,1000")
    parser.add_argument("--share-articles", type=int, default=600)
    parser.add_argument("--jobs-articles", type=int, default=200)
    parser.add_argument("--quick", action="store_true",
                        help="one run each on small sets: checks the benchmark, not speed")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.generated, args.real, args.warm_sizes = 1, 10, 20, "10,20"
        args.share_articles, args.jobs_articles = 20, 20
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    real_sets = set(args.real_sets.split(",")) if args.real else set()
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part {unknown[0]!r}")
    contenders = [Contender("now")]
    if args.against is not None:
        contenders.append(Contender("against", str(args.against.resolve())))
    for contender in contenders:
        contender.compile()
    news = news_dir()
    print(f"benchmarks.cli: {args.runs} runs each, {load_line()}; "
          f"real articles: {news if news else 'absent, skipped'}")
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as name:
        tmp = Path(name)
        if "startup" in parts:
            part_startup(contenders, tmp, args.runs)
        if "compare" in parts:
            corpora = [(f"{args.generated} generated articles",
                        generated(tmp, args.generated))] if args.generated else []
            if "gva" in real_sets and news is not None and (news / "gva").is_dir():
                corpora.append((f"{args.real} real articles (gva)",
                                gva_articles(tmp, news, args.real)))
            if ("multinews" in real_sets and news is not None
                    and (news / "multinews_dev.jsonl").is_file()):
                corpora.append((f"{args.real} real articles (multinews)",
                                multinews_articles(tmp, news, args.real)))
            part_compare(contenders, tmp, args.runs, corpora)
        if "share" in parts:
            part_share(contenders, tmp, max(1, args.runs // 3),
                       generated(tmp, args.share_articles, "share"))
        if "warm" in parts:
            part_warm(contenders, tmp, args.runs,
                      [int(n) for n in args.warm_sizes.split(",")])
        if "jobs" in parts:
            part_jobs(contenders, tmp, args.runs, generated(tmp, args.jobs_articles, "jobs"))


if __name__ == "__main__":
    main()
