"""A tiny DOM reader for report tests: elements with their attributes and text, by the
standard library's HTML parser, so tests assert structure and never bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "input", "link", "img", "hr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        out = [self]
        for child in self.children:
            if isinstance(child, Element):
                out.extend(child.iter())
        return out

    def find_all(self, tag: str | None = None, **attrs: str | None) -> list[Element]:
        """Elements by tag and attributes (``data_x=None`` means: has ``data-x``)."""
        found = []
        for el in self.iter():
            if tag is not None and el.tag != tag:
                continue
            ok = True
            for key, value in attrs.items():
                name = key.replace("_", "-")
                if name not in el.attrs or (value is not None and el.attrs[name] != value):
                    ok = False
                    break
            if ok:
                found.append(el)
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
