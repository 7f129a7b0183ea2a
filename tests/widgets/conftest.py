"""Widget tests run headless: Agg backend, real datasets from the mirror via datavaardig.load."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest


@pytest.fixture(scope="session")
def load(mirror):
    import datavaardig as dv

    return dv.load


@pytest.fixture(scope="session")
def bevingen(load):
    return load("aardbevingen")
