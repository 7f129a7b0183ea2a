"""Feedback as a display object: Markdown in Jupyter, plain text in a terminal, a test or a log.

`show_feedback` puts it on screen exactly once: through IPython's display machinery inside a kernel (so the
cell shows rendered Markdown, and `check()` returns None so nothing is echoed twice), else print.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

__all__ = ["Feedback", "plain", "show_feedback"]

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def plain(markdown: str) -> str:
    """The same sentence without Markdown marks (bold, italics, code ticks)."""
    text = _BOLD.sub(r"\1", markdown)
    text = _ITALIC.sub(r"\1", text)
    return text.replace("`", "")


@dataclass(frozen=True)
class Feedback:
    """One message to the learner: paragraphs, optional bullet details, code block and quotation."""

    paragraphs: tuple[str, ...]
    details: tuple[str, ...] = field(default=())
    code: str | None = None
    symbol: str = ""
    quote: str | None = None  # plain text shown as a quotation (a model answer)

    def markdown(self) -> str:
        parts = list(self.paragraphs)
        if self.symbol and parts:
            parts[0] = f"{self.symbol} {parts[0]}"
        if self.details:
            parts.append("\n".join(f"- {line}" for line in self.details))
        if self.code is not None:
            parts.append(f"```python\n{self.code.rstrip()}\n```")
        if self.quote is not None:
            parts.append("\n".join(f"> {line}" for line in self.quote.strip().splitlines()))
        return "\n\n".join(parts)

    def text(self) -> str:
        lines = [plain(p) for p in self.paragraphs]
        lines += [f"  - {plain(line)}" for line in self.details]
        if self.code is not None:
            lines += ["", *("    " + line for line in self.code.rstrip().splitlines())]
        if self.quote is not None:
            lines += ["", *("  " + line for line in self.quote.strip().splitlines())]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()


def _in_ipython() -> bool:
    # Only ask IPython when it is already loaded: a plain script must not pay for importing it.
    ipython = sys.modules.get("IPython")
    return bool(ipython and ipython.get_ipython() is not None)


def show_feedback(feedback: Feedback) -> None:
    if _in_ipython():
        from IPython.display import display

        display(feedback)
    else:
        print(feedback.text())
