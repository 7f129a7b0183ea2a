"""Every self-check question proves itself: its solution and at least two other correct answers pass, the
placeholder is "not attempted", at least two plausible wrong answers fail with a message that points at their
cause and never gives the expected value away (CONTRIBUTING.md, "Questions as data"). All in one process:
no kernel per question.

Questions are discovered from every module in datavaardig.exercises, so new courses are covered unasked.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import numpy as np
import pytest

import datavaardig as dv
import datavaardig.exercises as exercises_package
from datavaardig.grading.selfcheck import (
    ChoiceQuestion,
    CustomQuestion,
    EqualityQuestion,
    FigureQuestion,
    Outcome,
    Question,
    ReflectionQuestion,
    ____,
)
from datavaardig.grading.selfcheck.binder import unbind
from datavaardig.grading.selfcheck.question import class_value

IMPORT_ERRORS: dict[str, str] = {}


def exercise_modules():
    """Every exercise module; one that does not import is remembered (and fails its own test below)
    instead of breaking the collection of every other question."""
    modules = []
    for info in sorted(pkgutil.iter_modules(exercises_package.__path__), key=lambda m: m.name):
        if info.ispkg:
            continue
        try:
            modules.append(importlib.import_module(f"datavaardig.exercises.{info.name}"))
        except Exception as error:  # reported by test_every_exercise_module_imports
            IMPORT_ERRORS[info.name] = f"{type(error).__name__}: {error}"
    return modules


def all_questions():
    found = []
    for module in exercise_modules():
        for name, value in vars(module).items():
            if isinstance(value, Question):
                found.append(pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}"))
    return found


QUESTIONS = all_questions()


@pytest.fixture(autouse=True)
def _clean(mirror):
    """Each proof starts unbound and leaves no open figures behind."""
    yield
    unbind()
    import matplotlib.pyplot as plt

    plt.close("all")


def learner_variables(question) -> list[str]:
    return question.variables() if isinstance(question, CustomQuestion) else [question.var]


def attempt(question, code: str):
    """Run the lesson's set-up and the learner's code in a fresh namespace, bind it, check."""
    namespace = {"____": ____}
    exec(compile(question.setup, f"<{question.id} setup>", "exec"), namespace)
    exec(compile(code, f"<{question.id} answer>", "exec"), namespace)
    dv.bind(namespace)
    question.check()
    return question.last_result


def revealing_forms(value) -> list[str]:
    """How an expected scalar could appear in a message: as Python prints it and the Dutch way."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return []  # tables, lists, figures: the engine's own tests cover what it says about those
    if isinstance(value, str):
        return [value] if value.strip() else []
    forms = {str(value), f"{value:g}"}
    if isinstance(value, float) and value.is_integer():
        forms.add(str(int(value)))
    forms |= {form.replace(".", ",") for form in forms}
    return sorted(forms)


def test_every_exercise_module_imports():
    assert IMPORT_ERRORS == {}


def test_there_are_questions_to_prove():
    assert len(QUESTIONS) >= 20


def wrong_answers(question) -> list[tuple[str, str | None]]:
    """(code, words its message must contain, or None) for each of the question's wrong answers."""
    return [(w, None) if isinstance(w, str) else (w[0], w[1]) for w in question.wrong]


def expected_outcome(question) -> Outcome:
    # Free text is never "klopt": a complete answer is compared with the model answer ("zelf nakijken").
    return Outcome.SELF_REVIEW if isinstance(question, ReflectionQuestion) else Outcome.CORRECT


ALTERNATIVES = [
    pytest.param(q.values[0], i, id=f"{q.id}-{i}") for q in QUESTIONS for i in range(len(q.values[0].alternatives))
]
WRONG = [pytest.param(q.values[0], i, id=f"{q.id}-{i}") for q in QUESTIONS for i in range(len(q.values[0].wrong))]
ORDER_WORDS = re.compile(r"volgorde|bovenaan|eerst|gesorteerd|aflopend|oplopend|van klein naar groot", re.I)
DECIMAL_WORDS = {1: re.compile(r"(één|1) decimaal", re.I), 2: re.compile(r"(twee|2) decimalen", re.I)}


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_is_complete(question):
    assert question.text.strip(), "every question needs a docstring: the question text"
    # setup may be "" when the exercise needs nothing from the lesson, but it must be stated.
    assert isinstance(question.setup, str), "setup: what the lesson ran before the exercise"
    assert question.solution_code, "solution: shown on request and proved below"
    assert len(question.alternatives) >= 2, "alternatives: at least two other correct answers, proved to pass"
    assert len(question.wrong) >= 2, "wrong: at least two plausible wrong answers, proved to fail"
    assert all(isinstance(code, str) and code.strip() for code in question.alternatives)
    assert all(isinstance(code, str) and code.strip() for code, _ in wrong_answers(question))
    assert len(question.hints) >= 1 and all(h.strip() for h in question.hints)
    assert question.id.count("/") == 2, "ids are course/lesson/qN: made by lesson_questions"
    for name in learner_variables(question):
        assert name and name.isidentifier()


@pytest.mark.parametrize("question", QUESTIONS)
def test_what_the_check_counts_the_question_says(question):
    """Order, rounding and the content of free text count only where the question text says so."""
    text = " ".join(question.text.split())
    if getattr(question, "ordered", False):
        assert ORDER_WORDS.search(text), "ordered = True: the question must ask for the order"
    decimals = getattr(question, "decimals", None)
    if decimals is not None:
        assert DECIMAL_WORDS[decimals].search(text), "decimals: the question must state the rounding"
    if isinstance(question, FigureQuestion):
        assert class_value(question, "data") is not None, "every figure check also checks the plotted data"
    if isinstance(question, ReflectionQuestion):
        assert question.concepts, "free text is checked on the content the question names, not only its length"


@pytest.mark.parametrize("question", QUESTIONS)
def test_solution_is_correct(question):
    result = attempt(question, question.solution_code)
    assert result.outcome is expected_outcome(question), result.message


@pytest.mark.parametrize(("question", "index"), ALTERNATIVES)
def test_correct_alternative_passes(question, index):
    """Another correct answer, written differently from the model solution, passes too."""
    result = attempt(question, question.alternatives[index])
    assert result.outcome is expected_outcome(question), f"{question.alternatives[index]}\n---\n{result.message}"


@pytest.mark.parametrize("question", QUESTIONS)
def test_placeholder_is_not_attempted(question):
    code = "\n".join(f"{name} = ____" for name in learner_variables(question))
    result = attempt(question, code)
    assert result.outcome is Outcome.NOT_ATTEMPTED, result.message


@pytest.mark.parametrize(("question", "index"), WRONG)
def test_wrong_answer_fails_pointing_at_its_cause_without_revealing_the_answer(question, index):
    code, says = wrong_answers(question)[index]
    result = attempt(question, code)
    assert result.outcome in (Outcome.INCORRECT, Outcome.ERROR), f"{code}\n---\n{result.message}"
    assert result.message.strip()
    if says is not None:
        assert says.casefold() in result.message.casefold(), f"the message must point at {says!r}:\n{result.message}"
    if isinstance(question, EqualityQuestion) and not callable(getattr(question, "reference", None)):
        for form in revealing_forms(question.expected_value()):
            assert not re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", result.message), (
                f"the message gives the expected value {form!r} away:\n{result.message}"
            )
    if isinstance(question, ChoiceQuestion):
        for index in question.correct_set():
            assert question.options[index] not in result.message, "the message names the right option"


def test_the_proofs_hold_two_alternatives_and_two_wrong_answers_per_question():
    questions = [q.values[0] for q in QUESTIONS]
    assert len(ALTERNATIVES) >= 2 * len(questions) and len(WRONG) >= 2 * len(questions)
    print(f"{len(questions)} questions, {len(ALTERNATIVES)} correct alternatives, {len(WRONG)} wrong answers")


@pytest.mark.parametrize("module", exercise_modules(), ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_module_hands_out_numbered_questions_and_the_placeholder(module):
    """`from datavaardig.exercises.X import *` gives q1…qN (in order) and `____`, and nothing else."""
    exported = getattr(module, "__all__", None)
    assert exported is not None and "____" in exported
    names = [n for n in exported if n != "____"]
    assert names == [f"q{i}" for i in range(1, len(names) + 1)]
    numbers = [getattr(module, n).number for n in names]
    assert numbers == list(range(1, len(names) + 1))
    ids = [getattr(module, n).id for n in names]
    assert len(set(ids)) == len(ids)
