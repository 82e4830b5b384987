"""SARIF, JUnit and GitHub annotations from hand-made reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from claimcheck.model.findings import FailOn
from claimcheck.report.formats import FORMATS, render
from claimcheck.report.github import escape_data, escape_property, render_github
from claimcheck.report.junit import render_junit
from claimcheck.report.sarif import render_sarif
from claimcheck.report.view import Report
from tests.report.samples import check_report, compare_report

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-subset.schema.json").read_text(
    encoding="utf-8"))


def _with(report: Report, **changes: object) -> Report:
    return report.model_copy(update=changes)


@pytest.mark.parametrize("make", [check_report, compare_report])
def test_sarif_validates_against_the_schema(make: object) -> None:
    report = make()  # type: ignore[operator]
    data = json.loads(render_sarif(report))
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    run = data["runs"][0]
    assert len(run["results"]) == len([f for f in report.findings
                                       if f.verdict.value != "single_source"])
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_sarif_results_locate_the_claim_and_its_evidence() -> None:
    report = check_report()
    results = {r["partialFingerprints"]["claimcheckFinding/v1"]: r
               for r in json.loads(render_sarif(report))["runs"][0]["results"]}
    contradiction = results["c2"]
    assert contradiction["level"] == "error" and contradiction["kind"] == "fail"
    (where,) = contradiction["locations"]
    region = where["physicalLocation"]["region"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "drafts/draft.md"
    draft = report.source("draft.md").text
    start = region["charOffset"]
    assert draft[start:start + region["charLength"]] == region["snippet"]["text"] == "212"
    assert (region["startLine"], region["startColumn"]) == (4, 15)
    assert (region["endLine"], region["endColumn"]) == (4, 18)
    (related,) = contradiction["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "news/b.txt"
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "more than 300"
    assert results["c1"]["kind"] == "pass" and results["c1"]["level"] == "none"
    assert results["c4"]["level"] == "warning"


def test_sarif_marks_suppressed_and_baselined_findings() -> None:
    from claimcheck.model.findings import Finding

    if "suppressed" not in Finding.model_fields:
        pytest.skip("findings carry no suppression yet")
    report = check_report()
    findings = list(report.findings)
    findings[0] = findings[0].model_copy(update={"suppressed": "checked by phone"})
    findings[1] = findings[1].model_copy(update={"baselined": True})
    data = json.loads(render_sarif(_with(report, findings=tuple(findings))))
    jsonschema.validate(data, SCHEMA)
    results = data["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "inSource",
                                           "justification": "checked by phone"}]
    assert results[1]["baselineState"] == "unchanged"


def test_junit_has_one_case_per_checked_draft_claim() -> None:
    report = check_report()
    root = ET.fromstring(render_junit(report))
    cases = root.findall("./testsuite/testcase")
    draft_claims = [c for c in report.claims if c.source == "draft.md"]
    assert len(cases) == len(draft_claims) == int(root.attrib["tests"])
    failed = [c.attrib["name"] for c in cases if c.find("failure") is not None]
    assert failed == ["4:15 quantity “212”", "5:2 quote “We will rebuild every single bridge,”"]
    assert root.attrib["failures"] == "2"
    (failure,) = cases[0].findall("failure")
    assert failure.attrib["type"] == "contradicted"
    assert "news/b.txt:1:29" in (failure.text or "")


@pytest.mark.parametrize(("fail_on", "failures"), [
    (FailOn.INFO, 4), (FailOn.WARNING, 4), (FailOn.ERROR, 2), (FailOn.NEVER, 0)])
def test_junit_failures_follow_fail_on(fail_on: FailOn, failures: int) -> None:
    root = ET.fromstring(render_junit(_with(check_report(), fail_on=fail_on)))
    assert int(root.attrib["failures"]) == failures
    assert len(root.findall(".//failure")) == failures


def test_junit_in_compare_mode_has_one_case_per_judged_slot() -> None:
    root = ET.fromstring(render_junit(compare_report()))
    names = [c.attrib["name"] for c in root.iter("testcase")]
    assert names == ["people killed in the floods", "place of the rescue",
                     "what Anna Mori said"]


def test_junit_survives_control_characters() -> None:
    report = check_report()
    findings = list(report.findings)
    findings[1] = findings[1].model_copy(update={"message": "bell \x07 and escape \x1b[31m"})
    xml = render_junit(_with(report, findings=tuple(findings)))
    assert "\\x07" in ET.tostring(ET.fromstring(xml), encoding="unicode")


def test_github_annotations() -> None:
    lines = render_github(check_report()).splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert [a.split(" ", 1)[0] for a in annotations] == ["::error", "::error", "::warning",
                                                         "::warning"]
    first = annotations[0]
    assert first.startswith("::error file=drafts/draft.md,line=4,col=15,endLine=4,endColumn=18,")
    assert "%0Anews/b.txt%3A1%3A29" not in first  # the message part escapes only % CR LF
    assert "%0Anews/b.txt:1:29" in first
    assert all("\n" not in a for a in annotations)
    assert lines[-1].endswith("exit 1")


def test_github_escaping_cannot_start_a_new_command() -> None:
    assert escape_data("a\n::error::x%") == "a%0A::error::x%25"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_every_format_renders() -> None:
    for fmt in FORMATS:
        assert render(check_report(), fmt)
    from claimcheck.errors import ClaimcheckError

    with pytest.raises(ClaimcheckError, match="valid: text"):
        render(check_report(), "pdf")


def test_a_reason_already_in_the_message_is_not_repeated() -> None:
    from claimcheck.report.labels import with_reason

    finding = check_report().findings[0]
    quoted = finding.model_copy(update={"message": "a (x)", "reason": "x"})
    assert with_reason(quoted) == "a (x)"
    apart = finding.model_copy(update={"message": "a", "reason": "x"})
    assert with_reason(apart) == "a (x)"


def test_claim_ends_match_the_source_line_columns() -> None:
    from claimcheck.report.locate import end_of

    report = check_report()
    for claim in report.claims:
        source = report.source(claim.source)
        assert end_of(claim.line, claim.column, claim.text) == source.line_column(claim.end)
    text = "ab\ncd\nef"
    assert end_of(3, 4, text) == (5, 3)


def test_lookups_follow_a_copy_with_other_claims() -> None:
    report = check_report()
    last = report.claims[-1].id
    assert report.claim(last).id == last
    fewer = report.model_copy(update={"claims": report.claims[:1]})
    with pytest.raises(KeyError):
        fewer.claim(last)


def test_reports_compare_by_their_fields_not_their_lookup_cache() -> None:
    a, b = check_report(), check_report()
    a.claim(a.claims[0].id)
    assert a == b and hash(a) == hash(b)


def test_single_source_claims_are_informational_not_alerts() -> None:
    report = compare_report()
    assert "f3" not in {r["partialFingerprints"]["claimcheckFinding/v1"]
                        for r in json.loads(render_sarif(report))["runs"][0]["results"]}
    results = {r["partialFingerprints"]["claimcheckFinding/v1"]: r
               for r in json.loads(render_sarif(report, informational=True))["runs"][0]
               ["results"]}
    assert (results["f3"]["kind"], results["f3"]["level"]) == ("informational", "none")
    assert (results["f1"]["kind"], results["f1"]["level"]) == ("fail", "error")
    annotations = [line for line in render_github(report).splitlines()
                   if line.startswith("::")]
    assert len(annotations) == 2 and not any("Pokhara" in a for a in annotations)


def test_text_lists_check_findings_errors_first_then_in_draft_order() -> None:
    from claimcheck.report.text import render_text

    rank = {"error": 0, "warning": 1, "info": 2}
    lines = [line for line in render_text(check_report()).splitlines()
             if line.startswith("drafts/")]
    keys = [(rank[line.split(": ", 1)[1].split()[0]],
             *(int(n) for n in line.split(":")[1:3])) for line in lines]
    assert keys == sorted(keys) and len(keys) == 5
    assert keys[0][0] < keys[-1][0]


def test_sarif_does_not_point_at_an_unrelated_project() -> None:
    driver = json.loads(render_sarif(check_report()))["runs"][0]["tool"]["driver"]
    assert "pypi.org" not in json.dumps(driver)


def test_sarif_rules_are_described_from_their_yaml() -> None:
    from claimcheck.report.view import RuleDoc
    from claimcheck.rules import load_ruleset

    ruleset = load_ruleset()
    docs = tuple(RuleDoc(id=r.id, kind=r.kind_name, severity=r.severity.value,
                         description=r.description.strip(), link=r.link)
                 for r in ruleset.rules)
    report = check_report().model_copy(update={"rules": docs})
    rules = {r["id"]: r for r in json.loads(render_sarif(report))["runs"][0]["tool"]
             ["driver"]["rules"]}
    assert {r.id for r in ruleset.rules} <= set(rules)
    quote = ruleset.get("default/quote-fidelity")
    assert quote is not None
    entry = rules["default/quote-fidelity"]
    assert entry["shortDescription"]["text"] == \
        quote.description.strip().split(". ")[0].rstrip(".").strip() + "."
    assert entry["fullDescription"]["text"].startswith(entry["shortDescription"]["text"][:-1])
    assert "claimcheck rules explain default/quote-fidelity" in entry["help"]["text"]
    assert "claimcheck rule " not in json.dumps(entry)
