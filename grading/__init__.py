"""Judging answers: two engines that share nothing but this folder.

- `selfcheck`: the instant self-checks of the lessons (`q1.check()`, hints, solutions), question kinds and
  the comparisons behind their Dutch messages.
- `assignments`: graded nbgrader assignments: the course root, nbgrader's pipeline steps around a fast,
  sandboxed executor, feedback and exports.

Both sit on the core (`datavaardig.settings`, `datavaardig.loader`) and the progress store
(`datavaardig.progress`); neither knows a widget, a lesson or a command.
"""
