"""datavaardig on JupyterHub: one server per person as their own Linux account, sign-in with Entra ID (or
local demo accounts), a Dutch JupyterLab per role (learner or trainer) and the lessons in each learner's own
workspace. `datavaardig hub` starts it; `deploy/hub/` holds the example configuration.

Layer: above widgets and content, below the commands (it starts servers; nothing below may import it)."""
