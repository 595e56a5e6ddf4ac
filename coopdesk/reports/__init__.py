"""Printed documents in the Nghị định 30/2020 layout, and their Excel exports.

`model` says what a document contains; `layout.render_pdf` draws it (ReportLab, fonts from
`fonts`), `xlsx.render_xlsx` writes its tables. The builders `annual`, `plan` and `lists` turn
gathered figures into a `model.Document`; gathering lives in `coopdesk.services.report_data`.
"""
