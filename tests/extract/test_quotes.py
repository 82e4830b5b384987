"""Quotations and speakers found in parsed text (loads the trained pipeline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.mention import Mention
from claimcheck.extract.quotes import find
from claimcheck.model.quotes import QuoteRelation, QuoteValue, compare_quotes
from claimcheck.model.vocabulary import Vocabulary

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def quotes(nlp: Any, text: str, **kwargs: Any) -> list[tuple[str, str | None]]:
    return [(text[m.start:m.end], _value(m).speaker) for m in find(nlp(text), None, **kwargs)]


def _value(mention: Mention) -> QuoteValue:
    assert isinstance(mention.value, QuoteValue)
    return mention.value


# --- where the speaker is ---------------------------------------------------------

def test_speaker_after_the_quote(nlp: Any) -> None:
    text = ('Prime Minister Anna Berg opened the session. '
            '"We will cut taxes next year," Berg told parliament.')
    assert quotes(nlp, text) == [("We will cut taxes next year", "Anna Berg")]


def test_speaker_before_the_quote(nlp: Any) -> None:
    text = 'Finance Minister Omar Haddad spoke on Tuesday. Haddad said, "The budget is balanced."'
    assert quotes(nlp, text) == [("The budget is balanced.", "Omar Haddad")]


def test_speaker_before_a_colon(nlp: Any) -> None:
    text = ('Governor Tom Reyes met Mayor Lena Ortiz. '
            'Ortiz said: "The river rose overnight and we were ready."')
    assert quotes(nlp, text) == [("The river rose overnight and we were ready.", "Lena Ortiz")]


def test_speaker_inverted_after_the_verb(nlp: Any) -> None:
    text = '"The talks were useful," said Ivan Petrov, the foreign minister.'
    assert quotes(nlp, text) == [("The talks were useful", "Ivan Petrov")]


def test_speaker_between_two_parts(nlp: Any) -> None:
    text = '"We have done our part," Petrov said, "and now others must act."'
    found = find(nlp(text), None)
    assert [(text[m.start:m.end], _value(m).speaker, _value(m).partial) for m in found] == [
        ("We have done our part", "Petrov", True),  # one sentence in two parts
        ("and now others must act.", "Petrov", True),
    ]


def test_quoted_as_saying(nlp: Any) -> None:
    text = 'Mara Quist was quoted by a news agency as saying: "The deal is done."'
    assert quotes(nlp, text) == [("The deal is done.", "Mara Quist")]


def test_sentence_interrupted_by_its_attribution(nlp: Any) -> None:
    text = '"The deal," President Mara Quist said, "is done."'
    found = find(nlp(text), None)
    assert [(text[m.start:m.end], _value(m).speaker, _value(m).partial) for m in found] == [
        ("The deal", "Mara Quist", True), ("is done.", "Mara Quist", True)]


def test_pronoun_is_the_last_person_named(nlp: Any) -> None:
    text = 'Mayor Lena Ortiz visited the flooded district. "Nobody will be left behind," she said.'
    (mention,) = find(nlp(text), None)
    value = _value(mention)
    assert (value.speaker, value.speaker_text, value.cue) == ("Lena Ortiz", "she", "say")
    assert "last person" in value.attribution


def test_role_is_the_last_person_with_that_title(nlp: Any) -> None:
    text = ('Chancellor Petra Lind met the unions. "We need a deal," the chancellor said. '
            '"Nobody wins a strike."')
    assert quotes(nlp, text) == [("We need a deal", "Petra Lind"),
                                 ("Nobody wins a strike.", "Petra Lind")]


def test_role_written_with_other_stops(nlp: Any) -> None:
    text = ('US Secretary of State Dan Holm arrived on Monday. "The talks will be hard," '
            'the U.S. secretary of state told reporters.')
    assert quotes(nlp, text) == [("The talks will be hard", "Dan Holm")]


def test_name_and_colon(nlp: Any) -> None:
    text = 'Mara Quist met the press.\n\nQuist: "We will respond to every attack."'
    found = find(nlp(text), None)
    assert [(text[m.start:m.end], _value(m).speaker) for m in found] == [
        ("We will respond to every attack.", "Mara Quist")]
    assert _value(found[0]).attribution == "named before a colon"
    text = 'Update: "The road to the airport is closed until further notice."'
    assert quotes(nlp, text) == [("The road to the airport is closed until further notice.",
                                  None)]


def test_organisation_statement(nlp: Any) -> None:
    text = 'A WHO statement said: "The outbreak is under control in the capital."'
    (mention,) = find(nlp(text), None)
    assert (_value(mention).speaker, _value(mention).speaker_text) == ("WHO", "A WHO statement")


def test_organisation_named_with_a_preposition(nlp: Any) -> None:
    text = ('The Institute for Fiscal Studies, an independent think tank, said the '
            '"fiscal rules leave almost no room for manoeuvre" this year.')
    (mention,) = find(nlp(text), None)
    assert _value(mention).speaker == "Institute for Fiscal Studies"
    assert _value(mention).partial


def test_a_news_story_of_several_paragraphs(nlp: Any) -> None:
    text = (
        "Finance minister Rachel Moore said on Tuesday the government would not raise "
        'taxes, calling reports of a planned increase "pure speculation."\n\n'
        '"We have been clear from the start. There will be no new taxes on working '
        "people,\" Moore told the BBC's \"Today\" programme.\n\n"
        '"It\'s a tough position," said Helen Park, an economist at a bank. '
        '"But it\'s not impossible.\n\n'
        '"If growth picks up in the second half, the picture changes quickly."\n\n'
        'Shares in the company\'s "Green Future" fund rose 3 percent.')
    assert quotes(nlp, text) == [
        ("We have been clear from the start.", "Rachel Moore"),
        ("There will be no new taxes on working people", "Rachel Moore"),
        ("It's a tough position", "Helen Park"),
        ("But it's not impossible.", "Helen Park"),
        ("If growth picks up in the second half, the picture changes quickly.", "Helen Park"),
    ]


def test_according_to(nlp: Any) -> None:
    text = 'According to Ivan Petrov, "the talks were useful and the next round is set."'
    (mention,) = find(nlp(text), None)
    assert (_value(mention).speaker, _value(mention).cue) == ("Ivan Petrov", "according to")


def test_joint_statement_names_both_speakers(nlp: Any) -> None:
    text = ('Foreign Minister Ivo Maric and Defence Minister Lea Horvat said in a joint '
            'statement: "We agree on the main points."')
    assert quotes(nlp, text) == [("We agree on the main points.", "Ivo Maric and Lea Horvat")]


def test_names_inside_quotations_are_not_the_last_person_named(nlp: Any) -> None:
    text = ('"Viktor Dane is wrong about this," Senator Ruth Hale said. '
            '"He will regret it," she said.')
    assert [speaker for _, speaker in quotes(nlp, text)] == ["Ruth Hale", "Ruth Hale"]


def test_unnamed_speaker_says_so(nlp: Any) -> None:
    text = '"This is a test of the system we built," one official said.'
    (mention,) = find(nlp(text), None)
    value = _value(mention)
    assert value.speaker is None and value.speaker_text == "one official"
    assert "unnamed" in value.attribution


def test_standalone_quote_without_any_speaker(nlp: Any) -> None:
    text = 'Nobody spoke after the vote.\n"It is a sad day for this country and for all of us."'
    (mention,) = find(nlp(text), None)
    assert _value(mention).speaker is None
    assert _value(mention).attribution == "no speaker found"


def test_token_is_the_reporting_verb(nlp: Any) -> None:
    text = '"We will cut taxes next year," Anna Berg told parliament.'
    doc = nlp(text)
    (mention,) = find(doc, None)
    assert mention.token is not None and doc[mention.token].text == "told"
    assert mention.kind == "quote"


def test_vocabulary_adds_reporting_verbs(nlp: Any) -> None:
    text = '"We will cut taxes next year," Anna Berg grumbled.'
    assert quotes(nlp, text) == [("We will cut taxes next year", None)]
    grumble = Vocabulary(reporting_verbs=("grumble",))
    assert quotes(nlp, text, vocabulary=grumble) == [("We will cut taxes next year",
                                                      "Anna Berg")]


# --- what is a quotation ---------------------------------------------------------

def test_partial_quote_woven_into_a_sentence(nlp: Any) -> None:
    text = ("Prime Minister Anna Berg said the reform showed the country's "
            '"serious intentions to follow this path."')
    (mention,) = find(nlp(text), None)
    assert text[mention.start:mention.end] == "serious intentions to follow this path."
    assert _value(mention).partial and _value(mention).speaker == "Anna Berg"


@pytest.mark.parametrize("text", [
    'The minister criticised the "politics of fear" in the debate.',
    'Critics call it a "dark day" for the city.',
    'She reviewed "The Long Goodbye of Summer" for the paper.',
    'He insisted that the city renounce the "politics of threats" at once.',
])
def test_terms_titles_and_scare_quotes_are_not_quotations(nlp: Any, text: str) -> None:
    assert find(nlp(text), None) == []


def test_two_sentences_give_two_claims(nlp: Any) -> None:
    text = '"We came to talk. We leave with a plan," Anna Berg said.'
    assert quotes(nlp, text) == [("We came to talk.", "Anna Berg"),
                                 ("We leave with a plan", "Anna Berg")]


def test_quote_continued_in_the_next_paragraph(nlp: Any) -> None:
    text = ('Minister Ana Kovac said: "The first part of my statement is long.\n\n'
            '"And the second part closes it."\n\nThe session ended.')
    assert quotes(nlp, text) == [("The first part of my statement is long.", "Ana Kovac"),
                                 ("And the second part closes it.", "Ana Kovac")]


def test_nested_quote_stays_inside(nlp: Any) -> None:
    text = 'Anna Berg said: "They call it \'the plan\', but it is only a wish."'
    assert quotes(nlp, text) == [("They call it 'the plan', but it is only a wish.",
                                  "Anna Berg")]


def test_mismatched_marks_do_not_derail_the_article(nlp: Any) -> None:
    text = ('"The country is deeply concerned at the fighting, “Foreign Minister Ivo Maric '
            'said in his address.\nMaric said: "We are encouraged by the proposal."')
    assert quotes(nlp, text) == [
        ("The country is deeply concerned at the fighting", "Ivo Maric"),
        ("We are encouraged by the proposal.", "Ivo Maric"),
    ]


def test_no_marks_no_quotes(nlp: Any) -> None:
    assert find(nlp("The minister said the budget was balanced."), None) == []


# --- the seeds: the gold quotes and their relations --------------------------------

def _seed(nlp: Any, name: str) -> tuple[str, list[Mention]]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, find(nlp(text), None)


def _by_text(text: str, found: list[Mention]) -> dict[str, QuoteValue]:
    return {text[m.start:m.end]: _value(m) for m in found}


GOLD = [  # the quotes the gold file lists, with their speakers
    ("000", "I would like to express hope that it will be a very serious step on the path "
            "towards solving the Syrian crisis", "Vladimir Putin"),
    ("004", "I would like to voice hope that this will mark a serious step toward the "
            "settlement of the Syrian crisis", "Vladimir Putin"),
    ("000", "We support the Russian initiative to hand over Syrian chemical weapons under "
            "international control.", "Xi Jinping"),
    ("004", "working hard to find the common ground to be able to make that happen",
     "John Kerry"),
]


@pytest.mark.parametrize(("seed", "words", "speaker"), GOLD)
def test_gold_quotes_and_speakers(nlp: Any, seed: str, words: str, speaker: str) -> None:
    text, found = _seed(nlp, seed)
    assert _by_text(text, found)[words].speaker == speaker


def test_seed_speakers_resolve_to_full_names(nlp: Any) -> None:
    text, found = _seed(nlp, "000")
    values = _by_text(text, found)
    assert values["I believe we should welcome such a decision of the Syrian leadership."] \
        .speaker == "Vladimir Putin"
    # "the Russian President said" and "he stated" are Putin too
    assert {v.speaker for v in values.values()} == {"Vladimir Putin", "Xi Jinping"}
    assert "politics of threats" not in values


def test_seed_putin_quotes_are_variants(nlp: Any) -> None:
    text0, found0 = _seed(nlp, "000")
    text4, found4 = _seed(nlp, "004")
    a = _by_text(text0, found0)[GOLD[0][1]]
    b = _by_text(text4, found4)[GOLD[1][1]]
    assert compare_quotes(a, b) is QuoteRelation.VARIANT


def test_seed_partial_quote_matches_across_sources(nlp: Any) -> None:
    text, found = _seed(nlp, "004")
    values = _by_text(text, found)
    partial = values["serious intentions to follow this path."]
    assert partial.partial and partial.speaker == "Vladimir Putin"
    assert values["India is deeply concerned at the ongoing conflict in Syria and is closely "
                  "watching the fast paced developments"].speaker == "Salman Khurshid"


DRAFT = """Speaking at a summit of the Shanghai Cooperation Organization in Astana,
Kazakhstan, last month, Russian President Vladimir Putin said: "I believe we must
welcome such a decision of the Syrian government."

Putin also said: "We support the Russian initiative to hand over Syrian chemical
weapons under international control."
"""


def test_draft_quotes_altered_and_misattributed(nlp: Any) -> None:
    text0, found0 = _seed(nlp, "000")
    sources = list(_by_text(text0, found0).values())
    draft = [_value(m) for m in find(nlp(DRAFT), None)]
    assert [d.speaker for d in draft] == ["Vladimir Putin", "Vladimir Putin"]
    relations = [{compare_quotes(d, s) for s in sources} - {QuoteRelation.UNRELATED}
                 for d in draft]
    assert relations == [{QuoteRelation.VARIANT}, {QuoteRelation.MISATTRIBUTED}]


# --- how sure the attribution is ------------------------------------------------------

def test_named_speaker_is_not_inferred_and_a_pronoun_is(nlp: Any) -> None:
    text = ('Mayor Lena Ortiz met Governor Tom Reyes on Monday. '
            '"The river rose overnight and we were ready," Ortiz said.\n\n'
            'Governor Tom Reyes spoke later. "We will rebuild the bridge by the spring," he said.')
    values = {m.value.quote: m.value for m in find(nlp(text), None)
              if isinstance(m.value, QuoteValue)}
    named = values["the river rose overnight and we were ready"]
    assert named.speaker == "Lena Ortiz" and not named.inferred
    pronoun = values["we will rebuild the bridge by the spring"]
    assert pronoun.speaker == "Tom Reyes" and pronoun.inferred


def test_she_skips_a_man_the_text_calls_mr(nlp: Any) -> None:
    text = ('Ann Lee, the head teacher, spoke after Mr Tom Reyes left the hall. '
            '"He was the kindest pupil I have ever taught," she said.')
    assert quotes(nlp, text) == [("He was the kindest pupil I have ever taught", "Ann Lee")]


def test_police_rank_is_a_title(nlp: Any) -> None:
    text = 'Det Con Tim Bird told the inquest: "The route they chose was not a safe one."'
    assert quotes(nlp, text) == [("The route they chose was not a safe one.", "Tim Bird")]


def test_transcript_label_of_a_surname_two_people_share(nlp: Any) -> None:
    text = ('Senator Ruth Calder spoke after her husband, Governor Amos Calder, at the fair. '
            'The governor talked about roads.\n\n'
            'CALDER: "We will fix every bridge in the state by next summer."')
    # two Calders are named: the label is neither of them for certain
    assert quotes(nlp, text) == [("We will fix every bridge in the state by next summer.",
                                  "Calder")]


def test_outlet_is_not_the_speaker(nlp: Any) -> None:
    text = ('Nora Vale, 80, and her husband met in 1950. '
            'WXYZ reports, "They danced every Saturday night for sixty years."')
    found = find(nlp(text), None)
    assert [_value(m).speaker for m in found] == [None]
    assert "outlet" in _value(found[0]).attribution
