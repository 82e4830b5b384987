"""JUnit XML output, for CI systems that show test results.

One test case per checked claim: in ``check`` mode every claim of the draft that was
judged, in ``compare`` mode every claim slot that was judged. A case fails when one of
its findings reaches ``--fail-on`` (and is not suppressed or baselined); findings below
the threshold are listed in the case's output; a case whose findings are all muted is
skipped, with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from claimcheck.model.findings import Finding
from claimcheck.report.labels import is_muted, verdict_label
from claimcheck.report.text import safe
from claimcheck.report.view import Report


class Case(BaseModel):
    """One checked item and the findings about it."""

    model_config = ConfigDict(frozen=True)

    classname: str
    name: str
    findings: tuple[Finding, ...]


def cases(report: Report) -> list[Case]:
    """The checked items, in report order."""
    by_first: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_first.setdefault(finding.claims[0], []).append(finding)
    out: list[Case] = []
    if report.mode == "check":
        drafts = {s.id for s in report.sources if s.role == "draft"}
        for claim in report.claims:
            if claim.source in drafts and not claim.furniture:
                source = report.source(claim.source)
                out.append(Case(classname=_classname(source.path),
                                name=f"{claim.line}:{claim.column} {claim.kind} “{claim.text}”",
                                findings=tuple(by_first.get(claim.id, ()))))
        return out
    by_group: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            by_group.setdefault(finding.group, []).append(finding)
    for group in report.groups:
        if group.related or group.id not in by_group:
            continue
        out.append(Case(classname=f"compare.{group.kind}", name=group.slot,
                        findings=tuple(by_group[group.id])))
    return out


def _classname(path: str) -> str:
    return path.replace("\\", "/").replace("/", ".")


def _describe(report: Report, finding: Finding) -> str:
    """Lines of text, joined by real line breaks (each line made inert on its own)."""
    lines = [f"{finding.severity.value} {verdict_label(finding.verdict.value)} "
             f"[{finding.rule}]: {finding.message}"]
    if finding.reason and finding.reason not in finding.message:
        lines.append(f"  reason: {finding.reason}")
    for cid in finding.claims:
        claim = report.claim(cid)
        source = report.source(claim.source)
        lines.append(f"  {source.path}:{claim.line}:{claim.column} “{claim.text}”"
                     + (f" <{source.url}>" if source.url else ""))
    return "\n".join(safe(line) for line in lines)


def run_timestamp() -> str:
    """When the run happened, as CI servers read it (ISO 8601, UTC, seconds); the
    ``SOURCE_DATE_EPOCH`` of reproducible builds wins over the clock."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
            else dt.datetime.now(dt.UTC))
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: show them instead."""
    return safe(text)


def junit_tree(report: Report, suite_name: str | None = None, *, elapsed: float = 0.0,
               timestamp: str | None = None) -> ET.Element:
    """The Jenkins/xunit schema's document: ``testsuites`` > ``testsuite`` (with ``time``
    in seconds, ``timestamp`` and ``file``: the draft, or the first source compared) >
    ``testcase`` (with ``time``)."""
    failing_ids = {f.id for f in report.failing()}
    all_cases = cases(report)
    suites = ET.Element("testsuites", name="claimcheck")
    suite = ET.SubElement(suites, "testsuite", name=suite_name or f"claimcheck {report.mode}")
    seconds = f"{max(elapsed, 0.0):.3f}"
    suite.set("timestamp", timestamp or run_timestamp())
    suite.set("time", seconds)
    suites.set("time", seconds)
    drafts = [s for s in report.sources if s.role == "draft"] or list(report.sources)
    if drafts:
        suite.set("file", _xml_text(drafts[0].path))
    failures = skipped = 0
    for case in all_cases:
        element = ET.SubElement(suite, "testcase", classname=_xml_text(case.classname),
                                name=_xml_text(case.name), time="0")
        failing = [f for f in case.findings if f.id in failing_ids]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity.rank)
            failure = ET.SubElement(element, "failure", type=worst.verdict.value,
                                    message=_xml_text(f"{verdict_label(worst.verdict.value)}: "
                                                      f"{worst.message}"))
            failure.text = "\n".join(_describe(report, f) for f in failing)
        elif case.findings and all(is_muted(f) for f in case.findings):
            skipped += 1
            reasons = sorted({str(getattr(f, "suppressed", None) or "baselined")
                              for f in case.findings})
            ET.SubElement(element, "skipped", message=_xml_text("; ".join(reasons)))
        rest = [f for f in case.findings if f.id not in failing_ids]
        if rest:
            ET.SubElement(element, "system-out").text = "\n".join(
                _describe(report, f) for f in rest)
    counts = {"tests": len(all_cases), "failures": failures, "errors": 0}
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("skipped", str(skipped))  # the schema has no ``skipped`` on testsuites
    errors = _skipped_inputs(suites, report, suite)
    totals = {**counts, "tests": len(all_cases) + errors, "errors": errors}
    for key, value in totals.items():
        suites.set(key, str(value))
    return suites


def _skipped_inputs(suites: ET.Element, report: Report, first: ET.Element) -> int:
    """Files the run could not read: one errored test case each, in a suite of their own,
    so a CI view shows that the check is incomplete."""
    if not report.skipped:
        return 0
    count = str(len(report.skipped))
    suite = ET.SubElement(suites, "testsuite", name="claimcheck inputs", tests=count,
                          failures="0", errors=count, skipped="0",
                          timestamp=first.get("timestamp", ""), time="0.000")
    for skipped in report.skipped:
        case = ET.SubElement(suite, "testcase", classname="claimcheck.inputs",
                             name=_xml_text(skipped.path), time="0")
        error = ET.SubElement(case, "error", type=skipped.code,
                              message=_xml_text(f"skipped, not checked: {skipped.message}"))
        error.text = _xml_text(skipped.render())
    return len(report.skipped)


def render_junit(report: Report, suite_name: str | None = None, *, elapsed: float = 0.0,
                 timestamp: str | None = None) -> str:
    tree = junit_tree(report, suite_name, elapsed=elapsed, timestamp=timestamp)
    ET.indent(tree)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(tree, encoding="unicode") + "\n")


def case_names(xml_text: str) -> Sequence[str]:
    """The test case names in a JUnit document (for tests and tools)."""
    return [c.get("name", "") for c in ET.fromstring(xml_text).iter("testcase")]
