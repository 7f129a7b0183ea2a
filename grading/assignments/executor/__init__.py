"""Running submissions fast and confined: one fork of a warm interpreter per submission.

`pool.py` (the grader's side: start a sandboxed fork, drive its cells with deadlines), `worker.py` (the
child's side and the wire format), `zygote.py` (the warm interpreter every fork starts from),
`sandbox.py` (namespaces, uid, limits), `guard.py` (what learner code may not leave patched).
"""
