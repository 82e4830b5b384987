"""Page furniture detection is by paragraph, with cues as data."""

from __future__ import annotations

from claimcheck.extract.furniture import Paragraph, furniture_ranges, split_paragraphs

CUES = ("support us", "read more", "related articles", "we have a small favor to ask")


def _paragraphs(text: str, verbless: tuple[int, ...] = ()) -> list[Paragraph]:
    return [Paragraph(start=s, end=e, text=text[s:e], has_finite_verb=i not in verbless)
            for i, (s, e) in enumerate(split_paragraphs(text))]


def test_split_paragraphs_keeps_offsets() -> None:
    text = "One.\nTwo two.\nThree"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["One.", "Two two.", "Three"]


def test_hard_wrapped_paragraphs_end_at_blank_lines() -> None:
    text = "One line\nwrapped here.\n\n  \nTwo.\n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["One line\nwrapped here.",
                                                             "Two.\n"]


def test_tail_after_a_short_cue_is_furniture() -> None:
    text = ("The minister said 40 people died.\n\nOfficials said more.\n\nRelated articles:\n\n"
            "We have been independent for over 30 years.\n\nDonate from just 2.")
    paragraphs = _paragraphs(text)
    ranges = furniture_ranges(paragraphs, CUES)
    flagged = [text[s:e] for s, e in ranges]
    assert "Related articles:" in flagged
    assert "We have been independent for over 30 years." in flagged
    assert "The minister said 40 people died." not in flagged


def test_cue_early_in_page_marks_only_its_paragraph() -> None:
    text = "Support us today!\n\nThe minister said 40 people died in the flood.\n\nMore news."
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text), CUES)]
    assert flagged == ["Support us today!"]


def test_short_paragraph_without_finite_verb_is_a_caption() -> None:
    text = "Rescuers searching the rubble in May 2013. Photo: Jane Doe\n\nTen people died."
    flagged = furniture_ranges(_paragraphs(text, verbless=(0,)), CUES)
    assert [text[s:e] for s, e in flagged] == [text.split("\n\n")[0]]


def test_cue_matches_whole_words_only() -> None:
    text = "The government will support usage caps.\n\nMore."
    assert furniture_ranges(_paragraphs(text), CUES) == []


def test_a_headline_is_reporting_and_a_later_caption_is_not() -> None:
    text = ("Four injured in shooting after a funeral\n\nFour people were wounded on Monday."
            "\n\nMourners outside the hall on Monday\n\nPolice said more.")
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text, verbless=(0, 2)),
                                                      CUES)]
    assert flagged == ["Mourners outside the hall on Monday"]


def test_a_pictures_caption_is_furniture_though_it_has_a_verb() -> None:
    text = ("Two people were hurt in the fire on Monday.\n"
            "Image 3 of 12 Firefighters work at the house where two people were hurt Monday.\n"
            "Crews left the scene at noon, (AP Photo/Jane Roe)\n"
            "Photo: Jane Roe Image 1 of / 12 Caption Close\n"
            "Firefighters said the photo of the house was taken on Monday.\n")
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text), CUES)]
    assert flagged == [line for line in text.splitlines()[1:4]]


def test_a_toll_headline_after_a_sites_name_is_reporting_a_verbless_caption_is_not() -> None:
    text = ("WXYZ Channel 7 News\n\nOne dead, five injured in shooting at nightclub\n\n"
            "Police said a gunman opened fire at the club.\n\n"
            "Mourners outside the club on Sunday morning")
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text, verbless=(0, 1, 3)),
                                                       CUES)]
    assert "One dead, five injured in shooting at nightclub" not in flagged
    assert "Mourners outside the club on Sunday morning" in flagged
    # once the reporting has begun, a verbless line with a toll may be a related link
    later = "Police said a gunman opened fire.\n\nTwo shot in Elm Street robbery"
    assert furniture_ranges(_paragraphs(later, verbless=(1,)), CUES) != []


def test_a_slash_between_two_words_leaves_a_headline_a_separator_does_not() -> None:
    headline = "Two dead, two injured in Green County murder/suicide - WDRB News"
    text = headline + "\n\nTweets from the newsroom\n\nPolice said a man opened fire."
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text, verbless=(0, 1)),
                                                       CUES)]
    assert headline not in flagged
    crumbs = "News / Local / Crime\n\nPolice said a man opened fire."
    assert furniture_ranges(_paragraphs(crumbs, verbless=(0,)), CUES) != []


def test_a_verbless_line_that_adds_others_to_the_toll_is_reporting() -> None:
    # "others" points back into the story: a subhead of it, where a link to another
    # story would stand alone ("Two shot in Elm Street robbery" stays furniture)
    text = ("Four dead in workplace shooting\n\nThe sheriff has confirmed that the gunman was"
            " killed\n\nFourteen others injured, 5 critically\n\nTwo shot in Elm Street robbery")
    flagged = [text[s:e] for s, e in furniture_ranges(_paragraphs(text, verbless=(0, 2, 3)),
                                                       CUES)]
    assert flagged == ["Two shot in Elm Street robbery"]
