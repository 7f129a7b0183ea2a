"""MultipleChoice: a reflection question with options, a check button and per-option feedback.

A reflection question may have no single right answer (`correct=None`): then every choice is accepted
and the learner reads the explanation of the option they chose.
State: `value` = the chosen option (None = nothing chosen); `result` = "" (not checked yet),
"correct", "incorrect" or "answered" (a question without a right answer).
"""

from __future__ import annotations

import html

import ipywidgets as W
import traitlets as T

__all__ = ["MultipleChoice"]


class MultipleChoice(W.VBox):
    value = T.Unicode(None, allow_none=True, help="The chosen option, or None.")
    result = T.Enum(["", "correct", "incorrect", "answered"], default_value="", help="Outcome of the last check.")

    def __init__(
        self,
        question: str,
        options: list[str],
        *,
        correct: str | None = None,
        explanations: dict[str, str] | None = None,
        **kwargs,
    ):
        if len(options) < 2 or len(set(options)) != len(options):
            raise ValueError("Geef minstens twee verschillende antwoordopties.")
        if correct is not None and correct not in options:
            raise ValueError(f"Het juiste antwoord '{correct}' staat niet tussen de opties {options}.")
        unknown = set(explanations or {}) - set(options)
        if unknown:
            raise ValueError(f"Uitleg bij onbekende opties: {sorted(unknown)}.")
        self._correct, self._explanations = correct, explanations or {}
        self._question = W.HTML(f"<p><strong>{html.escape(question)}</strong></p>")
        # RadioButtons are one radio group: arrow keys move between options, as screen readers expect.
        self._options = W.RadioButtons(
            options=options,
            value=None,
            description="Kies een antwoord",
            style={"description_width": "initial"},
            layout=W.Layout(width="auto"),
        )
        self._check = W.Button(
            description="Controleer", button_style="primary", disabled=True, tooltip="Controleer je antwoord"
        )
        self._feedback = W.HTML()
        self._options.observe(self._on_choice, names="value")
        self._check.on_click(lambda _: self.check())
        super().__init__(children=[self._question, self._options, self._check, self._feedback], **kwargs)
        self.add_class("datavaardig-multiple-choice")

    def _on_choice(self, change):
        self.value = change["new"]

    @T.validate("value")
    def _valid(self, proposal):
        if proposal["value"] is not None and proposal["value"] not in self._options.options:
            raise T.TraitError(f"'{proposal['value']}' is geen van de opties {list(self._options.options)}.")
        return proposal["value"]

    @T.observe("value")
    def _on_value(self, change):
        self._options.value = change["new"]
        self._check.disabled = change["new"] is None
        self.result = ""  # a new choice has not been checked yet
        self._feedback.value = ""

    def check(self) -> str:
        """Judge the chosen option, show feedback (role=status, so screen readers announce it)."""
        if self.value is None:
            self._feedback.value = "<p role='status'>Kies eerst een antwoord.</p>"
            return self.result
        if self._correct is None:
            self.result, heading = "answered", "Dank je voor je antwoord."
        elif self.value == self._correct:
            self.result, heading = "correct", "Juist!"
        else:
            self.result, heading = "incorrect", "Nog niet juist. Lees de uitleg en probeer het opnieuw."
        explanation = self._explanations.get(self.value, "")
        self._feedback.value = (
            f"<div role='status'><p><strong>{heading}</strong></p>"
            f"{'<p>' + html.escape(explanation) + '</p>' if explanation else ''}</div>"
        )
        return self.result
