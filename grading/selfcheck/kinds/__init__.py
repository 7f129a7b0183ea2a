"""The kinds of self-check question, one module each: equality, function, figure, choice (+ reflection), custom.

Each kind subclasses `question.Question` and implements `evaluate()`; the public names are re-exported by
`datavaardig.grading.selfcheck`.
"""
