"""ChoiceQuestion (letters a, b, …) and ReflectionQuestion (free text, never stored)."""

from __future__ import annotations

import re
import string
from typing import ClassVar

from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.question import Question, Verdict
from datavaardig.grading.selfcheck.values import describe, is_number, type_name

__all__ = ["ChoiceQuestion", "ReflectionQuestion"]


class ChoiceQuestion(Question):
    kind: ClassVar[str] = "choice"
    options: ClassVar[list[str]] = []
    correct = None  # index of the right option, or a set of indices when several are right
    explanations: ClassVar[list[str] | None] = None  # optional, one per option, shown when chosen

    @property
    def letters(self) -> str:
        return string.ascii_lowercase[: len(self.options)]

    def correct_set(self) -> set[int]:
        value = self.correct
        return {value} if isinstance(value, int) else set(value)

    def _parse(self, answer) -> set[int] | None:
        """Letters ("b", "a, c", ["a", "c"]) or 0-based indices; None when it is no valid choice."""
        items = answer if isinstance(answer, (list, tuple, set, frozenset)) else [answer]
        chosen = set()
        for item in items:
            if isinstance(item, str):
                letters = re.findall(r"[a-z]", item.strip().lower().replace(")", " "))
                if not letters or any(letter not in self.letters for letter in letters):
                    return None
                chosen |= {self.letters.index(letter) for letter in letters}
            elif is_number(item) and int(item) == item and 0 <= int(item) < len(self.options):
                chosen.add(int(item))
            else:
                return None
        return chosen or None

    def _label(self, index: int) -> str:
        return f"{self.letters[index]}) {self.options[index]}"

    def evaluate(self) -> Verdict:
        answer = self.learner_value(self.var)
        chosen = self._parse(answer)
        if chosen is None:
            letters = ", ".join(self.letters)
            return self.verdict_incorrect([msg("choice_invalid", value=describe(answer), letters=letters)])
        right = self.correct_set()
        if len(chosen) > 1 and isinstance(self.correct, int):
            return self.verdict_incorrect([msg("choice_one_only", letters=", ".join(self.letters))])
        labels = "; ".join(f"*{self._label(i).rstrip('. ')}*" for i in sorted(chosen))
        lines = [msg("choice_chosen", option=labels)]
        for index in sorted(chosen):
            if self.explanations and index < len(self.explanations) and self.explanations[index]:
                lines.append(
                    msg("choice_explanation", letter=self.letters[index], explanation=self.explanations[index])
                )
        if chosen == right:
            return self.verdict_correct(msg("correct"), details=tuple(lines))
        if isinstance(self.correct, int):
            return self.verdict_incorrect([*lines, msg("choice_wrong_single")])
        wrong = sorted(chosen - right)
        if wrong:
            lines.append(msg("choice_wrong", letters=", ".join(f"{self.letters[i]})" for i in wrong)))
        if right - chosen:
            lines.append(msg("choice_missing", count=len(right - chosen)))
        return self.verdict_incorrect(lines)


class ReflectionQuestion(Question):
    """Free text: correct when written with at least `min_words` words. Only *that* it was done is stored."""

    kind: ClassVar[str] = "reflection"
    min_words: ClassVar[int] = 5

    def evaluate(self) -> Verdict:
        answer = self.learner_value(self.var)
        if not isinstance(answer, str):
            return self.verdict_incorrect([msg("reflection_not_text", var=self.var, actual_type=type_name(answer))])
        words = len(answer.split())
        if words < self.min_words:
            return self.verdict_incorrect([msg("reflection_short", minimum=self.min_words, actual=words)])
        return self.verdict_correct(msg("correct_reflection"))
