"""Labels of stored English codes that both the GUI and the sync previews show.

msgids are marked with N_() and translated where shown, so forms and bundle previews share
one translation.
"""

from __future__ import annotations

from coopdesk.i18n import N_

ROLE = {
    "chair": N_("Chair of the board"),
    "board_member": N_("Board member"),
    "director": N_("Director"),
    "general_director": N_("General director"),
    "deputy_director": N_("Deputy director"),
    "supervisor_head": N_("Head of supervisors"),
    "supervisor": N_("Supervisor"),
    "controller": N_("Controller"),
    "group_leader": N_("Group leader"),
    "accountant": N_("Accountant"),
    "member": N_("Member"),
    "worker": N_("Worker"),
}
SUPPORT_KIND = {"loan": N_("Loan"), "grant": N_("Grant"), "in_kind": N_("In kind")}
