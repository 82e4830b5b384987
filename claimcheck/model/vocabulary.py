"""Vocabularies that decide what a claim is about: data, extendable by rule packs.

The default vocabulary ships in the default rule pack (``rules/default/vocabulary.yaml``);
a pack's ``vocabulary.yaml`` adds words to it, never removes them silently.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Vocabulary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # attribute name → lemmas that signal it near a number ("deaths": die, kill, dead, toll)
    attributes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # lemmas of nouns that name events claims are anchored to (summit, attack, conflict)
    event_nouns: tuple[str, ...] = ()
    # event noun → nouns that name the same kind of event (conflict: war, fighting)
    event_synonyms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # verbs that stand for an event when no event noun is near: {"meet": "meeting"}
    event_verbs: dict[str, str] = Field(default_factory=dict)
    # lemmas of verbs that introduce speech (say, tell, add, state, insist)
    reporting_verbs: tuple[str, ...] = ()
    # lower-case phrases that mark page furniture (donation appeals, "read more")
    furniture_cues: tuple[str, ...] = ()
    # aliases of names, both ways: {"sco": "shanghai cooperation organization"}
    aliases: dict[str, str] = Field(default_factory=dict)
    # the measure classes (attributes) that count people: a count of people takes no other
    human_classes: tuple[str, ...] = ()
    # nouns that count people as such ("three deaths", "two victims", "19 people")
    people_nouns: tuple[str, ...] = ()
    # roles and affiliations of people: facets, compatible unless two of them differ
    people_facets: tuple[str, ...] = ()
    # subgroup → lemmas ("child": kid, minor): compared only with the same subgroup
    subgroups: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # lemma variants that count the same thing: {"reserve": "reservist"}
    folds: dict[str, str] = Field(default_factory=dict)
    # who did it ("gunman", "himself"): "three dead, including the gunman" counts him
    perpetrators: tuple[str, ...] = ()
    # places people are taken to ("five were taken to a hospital"): such a count says
    # no measure (the hurt, or some of them, or the dead too), never buildings
    destinations: tuple[str, ...] = ()
    # how the pack's sources write an all-number date whose day and month could swap
    # ("10/8/2013", "8.10.2013"); unset, slashes read month first and dots not at all
    date_order: Literal["day_first", "month_first"] | None = None

    def merged(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with ``other``'s words added (order kept, no duplicates)."""
        attributes = {k: tuple(v) for k, v in self.attributes.items()}
        for key, words in other.attributes.items():
            attributes[key] = _union(attributes.get(key, ()), words)
        synonyms = {k: tuple(v) for k, v in self.event_synonyms.items()}
        for key, words in other.event_synonyms.items():
            synonyms[key] = _union(synonyms.get(key, ()), words)
        return Vocabulary(
            attributes=attributes,
            event_verbs={**self.event_verbs, **other.event_verbs},
            event_nouns=_union(self.event_nouns, other.event_nouns),
            event_synonyms=synonyms,
            reporting_verbs=_union(self.reporting_verbs, other.reporting_verbs),
            furniture_cues=_union(self.furniture_cues, other.furniture_cues),
            aliases={**self.aliases, **other.aliases},
            human_classes=_union(self.human_classes, other.human_classes),
            people_nouns=_union(self.people_nouns, other.people_nouns),
            people_facets=_union(self.people_facets, other.people_facets),
            subgroups={**self.subgroups, **{k: _union(self.subgroups.get(k, ()), v)
                                            for k, v in other.subgroups.items()}},
            folds={**self.folds, **other.folds},
            perpetrators=_union(self.perpetrators, other.perpetrators),
            destinations=_union(self.destinations, other.destinations),
            date_order=other.date_order or self.date_order,
        )

    def attribute_of(self, lemma: str) -> str | None:
        for attribute, words in self.attributes.items():
            if lemma in words:
                return attribute
        return None


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    seen = dict.fromkeys(first)
    seen.update(dict.fromkeys(second))
    return tuple(seen)
