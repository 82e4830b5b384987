"""The rule file schema: a union of the kinds, discriminated on ``kind``."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from claimcheck.rules.kinds import (
    Corroboration,
    DateAgreement,
    PlaceAgreement,
    QuantityAgreement,
    QuoteFidelity,
    RequireField,
    SingleSource,
)

RULE_KINDS = (QuantityAgreement, DateAgreement, PlaceAgreement, QuoteFidelity, Corroboration,
              SingleSource, RequireField)

Rule = Annotated[
    QuantityAgreement | DateAgreement | PlaceAgreement | QuoteFidelity | Corroboration
    | SingleSource | RequireField,
    Field(discriminator="kind"),
]
RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)


def kind_names() -> list[str]:
    return [_kind_of(model) for model in RULE_KINDS]


def kind_model(name: str) -> type[Any] | None:
    for model in RULE_KINDS:
        if _kind_of(model) == name:
            return model
    return None


def _kind_of(model: type[Any]) -> str:
    annotation = model.model_fields["kind"].annotation
    return str(annotation.__args__[0])


def field_names(model: type[Any]) -> list[str]:
    """The keys a rule file of this kind may have (``id`` comes from the path)."""
    return sorted(name for name in model.model_fields if name != "id")
