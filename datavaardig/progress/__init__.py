"""The learner-event store: what learners did (checks, hints, lessons, grades), never what they answered.

`models.py` (tables, one comment per column) and `migrations/` (Alembic) define it; `store.py`
(`ProgressStore`) is the only way in: append events, read with `store.reading()`, change with
`store.writing()`; `summary.py` keeps the report tables exact on write; `tracking.py` records a learner's
interaction and never lets a failure reach their cell; `reports.py` (one learner) and `group_report.py`
(a trainer's group, pseudonymised) read it; `cohorts.py` (groups), `privacy.py` (pseudonyms, retention) and
`rights.py` (access, erasure, purge) keep it lawful.
"""
