"""Every self-check question proves itself: its solution passes, the placeholder is "not attempted", a known
wrong answer fails without giving the expected value away (CONTRIBUTING.md, "Questions as data").

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
from datavaardig.grading.selfcheck import ChoiceQuestion, CustomQuestion, EqualityQuestion, Outcome, Question, ____
from datavaardig.grading.selfcheck.binder import unbind

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


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_is_complete(question):
    assert question.text.strip(), "every question needs a docstring: the question text"
    # setup may be "" when the exercise needs nothing from the lesson, but it must be stated.
    assert isinstance(question.setup, str), "setup: what the lesson ran before the exercise"
    assert question.solution_code, "solution: shown on request and proved below"
    assert question.wrong, "wrong: a plausible wrong answer, proved to fail"
    assert len(question.hints) >= 1 and all(h.strip() for h in question.hints)
    assert question.id.count("/") == 2, "ids are course/lesson/qN: made by lesson_questions"
    for name in learner_variables(question):
        assert name and name.isidentifier()


@pytest.mark.parametrize("question", QUESTIONS)
def test_solution_is_correct(question):
    result = attempt(question, question.solution_code)
    assert result.outcome is Outcome.CORRECT, result.message


@pytest.mark.parametrize("question", QUESTIONS)
def test_placeholder_is_not_attempted(question):
    code = "\n".join(f"{name} = ____" for name in learner_variables(question))
    result = attempt(question, code)
    assert result.outcome is Outcome.NOT_ATTEMPTED, result.message


@pytest.mark.parametrize("question", QUESTIONS)
def test_wrong_answer_fails_without_revealing_the_answer(question):
    result = attempt(question, question.wrong)
    assert result.outcome in (Outcome.INCORRECT, Outcome.ERROR), result.message
    assert result.message.strip()
    if isinstance(question, EqualityQuestion) and not callable(getattr(question, "reference", None)):
        for form in revealing_forms(question.expected_value()):
            assert not re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", result.message), (
                f"the message gives the expected value {form!r} away:\n{result.message}"
            )
    if isinstance(question, ChoiceQuestion):
        for index in question.correct_set():
            assert question.options[index] not in result.message, "the message names the right option"


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
