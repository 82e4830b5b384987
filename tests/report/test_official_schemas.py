"""SARIF and JUnit outputs validate against the official schemas.

The JUnit schema (Jenkins xUnit plugin's ``junit-10.xsd``, MIT licence, its notice
kept in the file) is vendored beside this test. The SARIF 2.1.0 schema (OASIS) is read
from ``shared/schemas/`` beside the project (or beside an ancestor folder), or
``$CLAIMCHECK_SCHEMAS_DIR``; the SARIF test skips where it is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from claimcheck.report.junit import render_junit
from claimcheck.report.sarif import render_sarif
from tests.helpers import ROOT
from tests.report.samples import check_report, compare_report

JUNIT_XSD = Path(__file__).parent / "junit-10.xsd"


def _schemas_dir() -> Path:
    override = os.environ.get("CLAIMCHECK_SCHEMAS_DIR")
    if override:
        return Path(override)
    for folder in ROOT.parents:  # beside the project, or beside a checkout kept lower
        if (folder / "shared" / "schemas").is_dir():
            return folder / "shared" / "schemas"
    return ROOT.parent / "shared" / "schemas"


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    path = _schemas_dir() / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"the official SARIF schema is not at {path}")
    schema: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@pytest.mark.parametrize("make", [check_report, compare_report])
@pytest.mark.parametrize("informational", [False, True])
def test_sarif_validates_against_the_official_schema(sarif_schema: dict[str, object],
                                                     make: object,
                                                     informational: bool) -> None:
    report = make()  # type: ignore[operator]
    data = json.loads(render_sarif(report, informational=informational))
    validator = jsonschema.validators.validator_for(sarif_schema)
    validator(sarif_schema).validate(data)


@pytest.mark.parametrize("make", [check_report, compare_report])
def test_junit_validates_against_the_jenkins_schema(make: object) -> None:
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    document = etree.fromstring(render_junit(make(), elapsed=1.25).encode())  # type: ignore[operator]
    assert schema.validate(document), schema.error_log


def test_junit_has_the_attributes_ci_servers_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1720000000")
    root = etree.fromstring(render_junit(check_report(), elapsed=2.5).encode())
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("timestamp") == "2024-07-03T09:46:40"
    assert suite.get("time") == "2.500" and root.get("time") == "2.500"
    assert suite.get("file") == "drafts/draft.md"
    assert all(case.get("time") is not None for case in suite.iter("testcase"))


def test_junit_message_bodies_hold_real_line_breaks() -> None:
    root = etree.fromstring(render_junit(check_report()).encode())
    bodies = [f.text or "" for f in root.iter("failure")]
    assert bodies and all("\n  " in body and "\\n" not in body for body in bodies)
