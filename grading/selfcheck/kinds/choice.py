"""ChoiceQuestion (letters a, b, …) and ReflectionQuestion (free text checked on content, never stored)."""

from __future__ import annotations

import ast
import re
import string
from typing import ClassVar

from datavaardig.grading.selfcheck.messages import msg
from datavaardig.grading.selfcheck.outcomes import Outcome
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
    """Free text: a conclusion, an explanation, an alt text. Only *that* it was done is stored, never the text.

    Checked on the content the question names (`concepts`: each a pattern of accepted words, such as the
    period, the direction of a change or the source) and on known wrong claims (`contradictions`). When all
    of it is there the learner compares the answer with the model answer: "zelf nakijken". A check cannot
    tell whether a sentence is true, so free text is never "klopt".
    """

    kind: ClassVar[str] = "reflection"
    min_words: ClassVar[int] = 5
    concepts: ClassVar[dict[str, str]] = {}  # what the answer must name (Dutch, shown) -> regex, case-insensitive
    contradictions: ClassVar[dict[str, str]] = {}  # regex of a wrong claim -> Dutch sentence saying why
    model_answer: ClassVar[str | None] = None  # default: the text the solution assigns to `var`

    def model_text(self) -> str | None:
        if self.model_answer:
            return self.model_answer
        try:
            tree = ast.parse(self.solution_code or "")
        except SyntaxError:
            return None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == self.var for t in node.targets):
                try:
                    value = ast.literal_eval(node.value)
                except ValueError:
                    return None
                return value if isinstance(value, str) else None
        return None

    def evaluate(self) -> Verdict:
        answer = self.learner_value(self.var)
        if not isinstance(answer, str):
            return self.verdict_incorrect([msg("reflection_not_text", var=self.var, actual_type=type_name(answer))])
        words = len(answer.split())
        if words < self.min_words:
            return self.verdict_incorrect([msg("reflection_short", minimum=self.min_words, actual=words)])
        text = answer.casefold()
        problems = [sentence for pattern, sentence in self.contradictions.items() if re.search(pattern, text)]
        missing = [name for name, pattern in self.concepts.items() if not re.search(pattern, text)]
        if missing:
            problems.append(msg("free_text_missing", concepts="; ".join(missing)))
        if problems:
            return self.verdict_incorrect(problems)
        model = self.model_text()
        return Verdict(
            Outcome.SELF_REVIEW,
            (msg("self_review" if model else "self_review_no_model"),),
            quote=model,
        )
