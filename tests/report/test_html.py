"""The HTML report's structure, through its data- hooks, on hand-made reports."""

from __future__ import annotations

from claimcheck.report.html import CSP, draft_segments, paragraphs, render_html
from claimcheck.report.view import Report
from tests.report.dom import Element, parse
from tests.report.samples import DRAFT, HOSTILE, check_report, compare_report

SVG_SHAPES = {"line", "rect", "circle", "text", "polygon"}


def _dom(report: Report) -> Element:
    return parse(render_html(report))


def test_summary_counts_sources_and_exit_status() -> None:
    report = check_report()
    dom = _dom(report)
    (body,) = dom.find_all("body")
    assert body.attrs["data-mode"] == "check"
    assert body.attrs["data-exit-status"] == "1"
    (exit_line,) = dom.find_all(data_exit="1")
    assert "2 findings at or above error" in exit_line.text()
    verdicts = {el.attrs["data-count-verdict"]: el.text() for el in dom.find_all(
        data_count_verdict=None)}
    assert set(verdicts) == {"supported", "contradicted", "quote_altered", "unsupported"}
    assert "unsupported: 2" in verdicts["unsupported"]
    severities = {el.attrs["data-count-severity"]: el.text()
                  for el in dom.find_all(data_count_severity=None)}
    assert severities["error"].endswith("2") and severities["info"].endswith("1")
    rows = {el.attrs["data-source"]: el.text() for el in dom.find_all("tr", data_source=None)}
    assert "Valley Post" in rows["a.txt"] and "2\u00a0Jul\u00a02024" in rows["a.txt"]
    assert "Wire <b>&</b> Co" in rows["b.txt"]


def test_compare_cards_show_each_source_with_the_claim_highlighted() -> None:
    dom = _dom(compare_report())
    cards = {el.attrs["data-group"]: el for el in dom.find_all("article", data_filterable=None)}
    contradiction = cards["g1"]
    assert contradiction.attrs["data-verdict"] == "contradict"
    assert contradiction.attrs["data-severity"] == "error"
    assert "same attribute (deaths)" in contradiction.text()
    claims = contradiction.find_all(data_claim=None)
    assert [c.attrs["data-source"] for c in claims] == ["a.txt", "b.txt"]
    highlighted = [c.find_all("mark")[0].text() for c in claims]
    assert highlighted == ["212", "more than 300"]
    value = claims[1].find_all(data_value=None)[0]
    assert "more than 300 people" in value.text()
    assert "(300, ∞)" in (value.attrs["title"] or ""), "the exact reading stays at hand"
    assert "do not overlap" in contradiction.text()


def test_quote_cards_show_a_word_diff() -> None:
    dom = _dom(compare_report())
    (card,) = [el for el in dom.find_all("article", data_group="g2")]
    ops = [(el.attrs["data-op"], el.text()) for el in card.find_all(data_op=None)]
    assert ("delete", "will") in ops and ("insert", "shall") in ops
    assert ("equal", "rebuild") in ops


def test_single_source_and_related_claims_have_their_own_sections() -> None:
    dom = _dom(compare_report())
    (single,) = dom.find_all("section", data_section="single")
    assert [el.attrs["data-group"] for el in single.find_all("article")] == ["g3"]
    (related,) = dom.find_all("section", data_section="related")
    assert [el.attrs["data-group"] for el in related.find_all("article")] == ["g4"]
    assert not related.find_all(data_filterable=None), "unjudged groups are never filtered"
    (cards,) = dom.find_all("section", data_section="cards")
    assert {el.attrs["data-group"] for el in cards.find_all("article")} == {"g1", "g2"}


def test_check_marks_the_draft_in_place_by_verdict() -> None:
    report = check_report()
    dom = _dom(report)
    (draft,) = dom.find_all("section", data_section="draft")
    marks = draft.find_all("a", data_mark=None)
    by_text = {m.children[0]: m.attrs for m in marks}
    assert by_text["212"]["data-verdict"] == "contradicted"  # the most severe finding wins
    assert by_text["About 40"]["data-verdict"] == "unsupported"
    assert by_text["We will rebuild every single bridge,"]["data-verdict"] == "quote_altered"
    # every mark links to its finding card, and the card carries the evidence
    anchors = {el.attrs["id"] for el in dom.find_all("article", data_finding=None)}
    assert all(m.attrs["href"].lstrip("#") in anchors for m in marks)
    # the draft body is shown whole, without front matter, in its paragraphs
    body = DRAFT[DRAFT.index("Floods killed"):]
    shown = [" ".join("".join(c if isinstance(c, str) else str(c.children[0])  # not the tag
                              for c in p.children).split())
             for p in draft.find_all("p", data_paragraph=None)]
    assert shown == [" ".join(body.split())]


def test_draft_paragraphs_break_at_blank_lines_only() -> None:
    segments = draft_segments("One\nline.\n\nTwo 12 x.\n  \n\nThree", 0,
                              [(15, 17, {"n": 1})])
    grouped = paragraphs(segments)
    assert [["".join(s["text"] for s in p)] for p in grouped] == [
        ["One\nline."], ["Two 12 x."], ["Three"]]
    assert [s["mark"] for s in grouped[1]] == [None, {"n": 1}, None]


def test_check_quote_findings_diff_source_against_draft() -> None:
    dom = _dom(check_report())
    (card,) = dom.find_all("article", data_verdict="quote_altered")
    ops = [(el.attrs["data-op"], el.text()) for el in card.find_all(data_op=None)]
    assert ("insert", "single") in ops
    side_by_side = card.find_all(data_claim=None)
    assert [e.attrs["data-source"] for e in side_by_side] == ["draft.md", "a.txt"]


def test_filters_offer_what_the_report_holds() -> None:
    dom = _dom(check_report())
    (form,) = dom.find_all("form", data_section="filters")
    assert "hidden" in form.attrs, "filters appear only when the script runs"
    boxes = form.find_all("input", type="checkbox")
    offered = {(b.attrs["name"], b.attrs["value"]) for b in boxes}
    assert ("verdict", "contradicted") in offered and ("kind", "quote") in offered
    assert ("severity", "error") in offered
    assert all("checked" in b.attrs for b in boxes)
    # every filterable item names its verdict, severity and kind
    for el in dom.find_all(data_filterable=None):
        assert {"data-verdict", "data-severity", "data-kind"} <= set(el.attrs)


def test_article_text_is_inert() -> None:
    for report in (compare_report(), check_report()):
        html = render_html(report)
        dom = parse(html)
        scripts = dom.find_all("script")
        assert len(scripts) == 1 and "alert" not in scripts[0].text()
        assert not dom.find_all("b") and not dom.find_all("em")
        text = dom.text()
        assert HOSTILE in text or report.mode == "check"  # the draft's copy is cut by a mark
        assert 'Officials said <script>alert("x")</script> and {{ ' in text
        assert " }} \"quoted\" 'too' & more." in text
        for el in dom.iter():  # no attribute was broken out of
            drawn = el.tag in SVG_SHAPES  # coordinates of the pictures: x, x1, x2
            assert all(not name.startswith("on") and (drawn or not name.startswith("x"))
                       for name in el.attrs), (el.tag, el.attrs)


def test_content_security_policy_allows_only_its_own_inline_code() -> None:
    dom = _dom(compare_report())
    (meta,) = dom.find_all("meta", http_equiv="Content-Security-Policy")
    policy = meta.attrs["content"] or ""
    assert policy == CSP
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "'sha256-" in policy.split("script-src")[1].split(";")[0]
    assert "http" not in render_html(compare_report()).split("<body")[0].replace(
        "http-equiv", "")


def test_the_page_is_self_contained() -> None:
    dom = _dom(check_report())
    for el in dom.iter():
        for name in ("src", "href"):
            value = el.attrs.get(name)
            assert value is None or value.startswith("#"), (el.tag, value)


def test_draft_segments_never_cut_a_claim() -> None:
    text = "abc 12 and 345 end"
    marks = [(4, 6, {"n": 1}), (5, 9, {"n": "overlap"}), (11, 14, {"n": 2})]
    segments = draft_segments(text, 0, marks)
    assert "".join(s["text"] for s in segments) == text
    assert [s["text"] for s in segments if s["mark"]] == ["12", "345"]
    assert draft_segments(text, 4, [])[0]["text"] == text[4:]


def test_jupyter_shows_the_report_in_a_frame_of_its_own() -> None:
    report = compare_report()
    (frame,) = parse(report._repr_html_()).find_all("iframe")
    assert frame.attrs["srcdoc"] == render_html(report)
    assert frame.attrs["sandbox"] == "allow-scripts"


def test_rendering_is_deterministic() -> None:
    assert render_html(check_report()) == render_html(check_report())


def test_sources_link_to_their_article_where_known() -> None:
    report = check_report()
    url = "https://example.org/valley-post/floods"
    sources = tuple(s.model_copy(update={"url": url}) if s.id == "a.txt"
                    else s.model_copy(update={"url": "javascript:alert(1)"}) if s.id == "b.txt"
                    else s for s in report.sources)
    dom = _dom(report.model_copy(update={"sources": sources}))
    links = [a for a in dom.find_all("a") if not (a.attrs.get("href") or "").startswith("#")]
    assert links and {a.attrs["href"] for a in links} == {url}, "only web addresses link"
    assert all(a.attrs["rel"] == "noopener noreferrer" for a in links)
    (card,) = dom.find_all("article", data_verdict="quote_altered")
    assert [a.attrs["href"] for a in card.find_all("a")] == [url], "beside the evidence"


def test_the_same_problem_at_several_places_is_one_triage_line() -> None:
    report = check_report()
    twice = report.findings[3].model_copy(update={"id": "c4-again"})
    dom = _dom(report.model_copy(update={"findings": (*report.findings, twice)}))
    (triage,) = dom.find_all(data_role="triage")
    lines = [li for li in triage.find_all("li") if "About 40" in li.text()]
    assert len(lines) == 1 and lines[0].attrs["data-count"] == "2"
    assert "×2" in lines[0].text()
    assert "Fix these first (5)" in triage.text()


def test_figures_in_other_units_share_the_axis_converted() -> None:
    from claimcheck.report.html import html_view
    from tests.report.samples import rising_toll_report

    report = rising_toll_report()
    first = report.claims[0]
    assert first.kind == "quantity"
    value = first.value.model_copy(update={"unit": "t", "dimension": "mass"})
    others = [c.model_copy(update={"value": c.value.model_copy(
        update={"unit": "kg", "dimension": "mass"})}) for c in report.claims[1:]]
    claims = (first.model_copy(update={"value": value}), *others)
    (card,) = html_view(report.model_copy(update={"claims": claims}))["cards"]
    rows = card["number_line"]["rows"]
    assert len(rows) == 3, "the tonnes are converted to kilograms, not dropped"
    ticks = [t["label"] for t in card["number_line"]["ticks"]]
    assert any("," in t for t in ticks), "12 t is 12,000 kg: the axis spans thousands"


def test_a_contradiction_shows_its_sides_side_by_side() -> None:
    from tests.report.samples import rising_toll_report

    dom = _dom(rising_toll_report())
    (card,) = dom.find_all("article", data_group="toll")
    sides = card.find_all("div", data_side=None)
    assert [s.attrs["data-side"] for s in sides] == ["1", "2", "0"]
    members = [[c.attrs["data-source"] for c in s.find_all(data_claim=None)] for s in sides]
    assert members == [["later.txt"], ["latest.txt"], ["early.txt"]]
    assert "about 40 people" in sides[0].text() and "Fits every side" in sides[2].text()
    states = {c.attrs["data-source"]: c.attrs["data-state"]
              for c in card.find_all(data_claim=None)}
    assert states == {"later.txt": "split", "latest.txt": "split", "early.txt": "agrees"}


def test_the_larger_side_is_the_majority() -> None:
    from claimcheck.report.html import html_view
    from tests.report.samples import rising_toll_report

    report = rising_toll_report()
    early, later, latest = (c.id for c in report.claims)
    (finding,) = report.findings
    majority = finding.model_copy(update={"sides": ((later, early), (latest,))})
    (card,) = html_view(report.model_copy(update={"findings": (majority,)}))["cards"]
    assert card["states"] == {early: "majority", later: "majority", latest: "minority"}


def test_counts_in_the_header_are_singular_for_one() -> None:
    from tests.report.samples import rising_toll_report

    (header,) = _dom(rising_toll_report()).find_all("header")
    assert "3 files · 3 claims · 1 finding" in header.text()


def test_counts_of_different_things_share_the_axis_as_the_rules_compared_them() -> None:
    from claimcheck.report.html import html_view
    from tests.report.samples import rising_toll_report

    report = rising_toll_report()
    first = report.claims[0]
    assert first.kind == "quantity"
    other = first.model_copy(update={"value": first.value.model_copy(update={"unit": "home"})})
    claims = (other, *report.claims[1:])
    (card,) = html_view(report.model_copy(update={"claims": claims}))["cards"]
    assert len(card["number_line"]["rows"]) == 3


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list | tuple):
        return {k for v in value for k in _keys(v)}
    return set()


def test_no_key_of_a_view_is_named_like_a_dict_attribute() -> None:
    """The template reads ``a.b`` of a view as its key ``b`` first; jinja2's own order
    (the attribute first) gives the same page only while no key is named like one."""
    from claimcheck.report.html import html_view

    for report in (compare_report(), check_report()):
        keys = _keys(html_view(report))
        assert keys and not keys & set(dir(dict))
