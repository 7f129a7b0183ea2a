import pytest
import traitlets

from datavaardig.widgets import MultipleChoice

OPTIES = ["Meer gaswinning", "Meer regen", "Zware vrachtwagens"]


def test_right_and_wrong_answers():
    mc = MultipleChoice(
        "Waardoor beeft de bodem in Groningen?",
        OPTIES,
        correct="Meer gaswinning",
        explanations={"Meer regen": "Regen verandert de druk in het gasveld niet."},
    )
    assert mc.value is None and mc.result == "" and mc._check.disabled
    mc.value = "Meer regen"
    assert mc.check() == "incorrect"
    assert "Regen verandert" in mc._feedback.value and "Meer gaswinning" not in mc._feedback.value
    mc._options.value = "Meer gaswinning"  # the learner clicks
    assert mc.value == "Meer gaswinning" and mc.result == ""
    mc._check.click()
    assert mc.result == "correct"


def test_reflection_without_right_answer():
    mc = MultipleChoice("Welke grafiek zou jij in een memo zetten?", ["De kaart", "De tijdreeks"])
    mc.value = "De kaart"
    assert mc.check() == "answered"


def test_bad_input():
    with pytest.raises(ValueError, match="twee"):
        MultipleChoice("?", ["a"])
    with pytest.raises(ValueError, match="staat niet"):
        MultipleChoice("?", OPTIES, correct="Iets anders")
    mc = MultipleChoice("?", OPTIES)
    with pytest.raises(traitlets.TraitError):
        mc.value = "Iets anders"
    assert mc.check() == "" and "Kies eerst" in mc._feedback.value
