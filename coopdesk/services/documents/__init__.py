"""Documents and their register: drafts with the officer's paragraphs, issuing with the next
number, re-issues, rendering to PDF and .xlsx, and the file names people are offered.

- `drafts`: `DraftForm` (what the Reports form says), `save_draft`, `latest_draft`,
  `get_draft`, `preview`
- `register`: `issue_report`, `issue_draft`, `reissue`, `register`, `next_number`
- `issuing`: `check_issue` (what to ask before issuing), `EmptyParagraphs`, `AlreadyIssued`,
  `NoSigner`
- `files`: `issued_file` (the PDF or .docx as issued), `find_issued` (by its number)
- `paragraph_file`: `read_paragraphs` (the CLI's --paragraphs file, checked)
- `wording`: `Reworded` (her text in place of a generated passage), `WordingLine`
  (`drafts.wording_of` lists them; `settle_wording` fills in what a file's wording was based on)
- `rendering`: `Rendered`, `render_request`, `render` (a stored document)
- `choices`: what the Reports form offers (units, sectors, cut-off, issuer defaults)
- `file_names`: `document_file_name` ("Bao-cao-De-an-01-Phuong-Tan-Phong-2026.pdf")
- `stored`: how a document is kept in the `reports` table
- `PARAGRAPH_KEYS`: the officer's own paragraphs of the annual report, in document order;
  `WORDING_KEYS`: its generated passages she may reword

What a document says is gathered in `services.report_data` (reports, plans) and
`services.report_lists` (lists). The caller owns the transaction; nothing here commits.
"""

from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS, WORDING_KEYS, WRITTEN_ONLY
from coopdesk.services.documents.choices import (
    ISSUING_FIELDS,
    FormChoices,
    form_choices,
    issuing_defaults,
)
from coopdesk.services.documents.drafts import (
    Draft,
    DraftForm,
    get_draft,
    latest_draft,
    preview,
    save_draft,
    settle_wording,
    wording_of,
)
from coopdesk.services.documents.file_names import document_file_name, people_file_name
from coopdesk.services.documents.files import find_issued, issued_file, normal_number
from coopdesk.services.documents.issuing import (
    WITH_PARAGRAPHS,
    AlreadyIssued,
    EmptyParagraphs,
    IssueCheck,
    IssuedRef,
    NoSigner,
    check_issue,
)
from coopdesk.services.documents.paragraph_file import ParagraphFile, read_paragraphs
from coopdesk.services.documents.register import (
    Issued,
    RegisterEntry,
    issue_draft,
    issue_report,
    next_number,
    register,
    reissue,
)
from coopdesk.services.documents.rendering import Rendered, render, render_request
from coopdesk.services.documents.wording import Reworded, WordingLine, generated_of, stale_keys
from coopdesk.services.report_lists import (
    LABELS,
    LIST_FILTERS,
    LIST_OPTIONS,
    BadFilter,
    ListFilter,
    check_filter,
)
from coopdesk.services.report_request import TEMPLATES, ReportError, ReportRequest

__all__ = [
    "ISSUING_FIELDS",
    "LABELS",
    "LIST_FILTERS",
    "LIST_OPTIONS",
    "PARAGRAPH_KEYS",
    "TEMPLATES",
    "WITH_PARAGRAPHS",
    "WORDING_KEYS",
    "WRITTEN_ONLY",
    "AlreadyIssued",
    "BadFilter",
    "Draft",
    "DraftForm",
    "EmptyParagraphs",
    "FormChoices",
    "IssueCheck",
    "Issued",
    "IssuedRef",
    "ListFilter",
    "NoSigner",
    "ParagraphFile",
    "RegisterEntry",
    "Rendered",
    "ReportError",
    "ReportRequest",
    "Reworded",
    "WordingLine",
    "check_filter",
    "check_issue",
    "document_file_name",
    "find_issued",
    "form_choices",
    "generated_of",
    "get_draft",
    "issue_draft",
    "issue_report",
    "issued_file",
    "issuing_defaults",
    "latest_draft",
    "next_number",
    "normal_number",
    "people_file_name",
    "preview",
    "read_paragraphs",
    "register",
    "reissue",
    "render",
    "render_request",
    "save_draft",
    "settle_wording",
    "stale_keys",
    "wording_of",
]
