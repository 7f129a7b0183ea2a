"""Domain errors with messages a learner can act on (Dutch), naming the dataset and what to do."""

from __future__ import annotations

__all__ = ["DatasetError", "DatavaardigError", "RawFileCorrupt", "RawFileMissing"]


class DatavaardigError(Exception):
    """Base class: every error datavaardig raises on purpose."""


class DatasetError(DatavaardigError):
    def __init__(self, dataset: str, message: str):
        self.dataset = dataset
        super().__init__(f"Dataset '{dataset}': {message}")


class RawFileMissing(DatasetError):
    """The raw file is neither in the mirror folder nor downloadable."""


class RawFileCorrupt(DatasetError):
    """The raw file exists but is truncated or altered (size or sha256 differ from the catalog)."""
