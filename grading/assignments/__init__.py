"""Graded assignments on nbgrader: where a grade is made, from a trainer's release to the export.

`course.py` (the nbgrader course root and its config), `steps.py` (nbgrader's own preprocessors, in its
order), `grader.py` (`datavaardig grade`: every submission, in parallel, into the gradebook),
`data.py` (the tables a sandboxed submission may read), `feedback.py` (Dutch HTML without hidden tests),
`export.py` (CSV/Excel for trainers and HR), and `executor/` (the sandboxed forks that run the notebooks).
"""
