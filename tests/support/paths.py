"""Where things are in the checkout, for tests at any depth."""

from __future__ import annotations

from pathlib import Path

__all__ = ["COURSES", "REPO"]

REPO = Path(__file__).resolve().parents[2]
COURSES = REPO / "courses"
