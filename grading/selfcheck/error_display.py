"""Beginners' errors shown with a Dutch explanation under the cell that raised them.

`dv.bind(globals())` installs this in the lesson's kernel. For an error that explain_errors knows, the cell
shows the error's own first line, the explanation with the fix, and Python's full traceback folded away
(`<details>`), still there for whoever wants it. An error it does not know is shown exactly as IPython
always shows it. pandas' chained-assignment warning (an assignment that does nothing in pandas 3) is
explained the same way. The cell still fails as before: "Run all" stops there and nbclient raises.
"""

from __future__ import annotations

import html
import re
import sys
import warnings

from datavaardig.grading.selfcheck.display import plain
from datavaardig.grading.selfcheck.explain_errors import explain
from datavaardig.grading.selfcheck.messages import msg

__all__ = ["ErrorExplanation", "install"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# Border and text colours keep 4.5:1 contrast on the light background in light and dark JupyterLab themes.
_STYLE = "border-left:4px solid #b00020;background:#fdecea;color:#1a1a1a;padding:0.3em 0.9em;margin:0.3em 0"
_WARNINGS = ("ChainedAssignmentError", "SettingWithCopyWarning")


def _inline_html(markdown: str) -> str:
    text = html.escape(markdown, quote=False)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _CODE.sub(r"<code>\1</code>", text)


class ErrorExplanation:
    """What the cell shows: the error's first line, the Dutch explanation, the traceback folded away."""

    def __init__(self, header: str, explanation: str, traceback: str):
        self.header, self.explanation, self.traceback = header, explanation, _ANSI.sub("", traceback).rstrip()

    def _repr_html_(self) -> str:
        return (
            f'<div class="dv-fout" role="alert" style="{_STYLE}">'
            f"<p><strong>{html.escape(self.header)}</strong></p>"
            f"<p><strong>{html.escape(msg('explain.title'))}</strong> {_inline_html(self.explanation)}</p>"
            f"<details><summary>{html.escape(msg('explain.traceback'))}</summary>"
            f"<pre>{html.escape(self.traceback)}</pre></details></div>"
        )

    def text(self) -> str:
        return f"{self.header}\n\n{msg('explain.title')} {plain(self.explanation)}\n\n{self.traceback}"

    def __repr__(self) -> str:
        return self.text()


def _header(error: BaseException) -> str:
    if isinstance(error, SyntaxError):
        where = f" (regel {error.lineno})" if error.lineno else ""
        return f"{type(error).__name__}: {error.msg}{where}"
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return type(error).__name__ + (f": {text}" if text else "")


def _show(explanation: ErrorExplanation) -> None:
    from IPython.display import display

    display({"text/html": explanation._repr_html_(), "text/plain": explanation.text()}, raw=True)


def _handler(shell, etype, value, tb, tb_offset=None):
    """IPython's custom exception handler: explain what we know, leave the rest to IPython."""
    text = explain(value, shell.user_ns)
    if text is None:
        if issubclass(etype, SyntaxError):
            shell.showsyntaxerror()
        else:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    if issubclass(etype, SyntaxError):
        stb = shell.SyntaxTB.structured_traceback(etype, value, [])
    else:
        stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb  # %debug and %tb still work
    _show(ErrorExplanation(_header(value), text, shell.InteractiveTB.stb2text(stb)))
    return None


def _explaining_showwarning(original):
    def showwarning(message, category, filename, lineno, file=None, line=None):
        if category.__name__ in _WARNINGS:
            warning = message if isinstance(message, Warning) else category(str(message))
            text = explain(warning)
            if text is not None:
                full = warnings.formatwarning(message, category, filename, lineno, line)
                first = str(message).strip().splitlines()[0]
                _show(ErrorExplanation(f"{category.__name__}: {first}", text, full))
                return
        original(message, category, filename, lineno, file, line)

    showwarning._datavaardig = True
    return showwarning


def install() -> bool:
    """Explain errors in the running IPython kernel (once); False outside IPython."""
    ipython = sys.modules.get("IPython")  # only when already loaded: a plain script must not import IPython
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    if not getattr(shell, "_datavaardig_explains", False):
        shell.set_custom_exc((Exception,), _handler)
        shell._datavaardig_explains = True
    if not getattr(warnings.showwarning, "_datavaardig", False):
        warnings.showwarning = _explaining_showwarning(warnings.showwarning)
    return True
