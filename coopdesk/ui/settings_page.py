"""Settings: the interface language (switched at once, no restart), the officer, and how the
unit's documents are headed, numbered, signed and sent."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import N_, _
from coopdesk.services import settings
from coopdesk.ui.accounts_page import AccountsBox
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.fields import Form, NoteField, TextField
from coopdesk.ui.roles import make_read_only, may_edit

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class SettingsPage(QWidget):
    # Settings change only here: after saving, the page reloads itself; other changes
    # (records, imports) do not touch what it shows.
    refreshes_itself = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 6)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        outer.addWidget(self.title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.language_box = QGroupBox()
        lang_layout = QFormLayout(self.language_box)
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setMaximumWidth(260)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        lang_layout.addRow(self.language_label, self.language)
        layout.addWidget(self.language_box)

        self.officer_box = QGroupBox()
        ol = QVBoxLayout(self.officer_box)
        self.officer_form = Form(
            [
                TextField("officer", N_("Officer using CoopDesk"), required=True),
                TextField("position", N_("Position")),
            ]
        )
        ol.addWidget(self.officer_form)
        layout.addWidget(self.officer_box)

        layout.addWidget(self._build_documents_box())
        self.accounts_box = AccountsBox(ctx)  # the idle lock; accounts for an administrator
        layout.addWidget(self.accounts_box)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.message = QLabel()
        self.save_button = QPushButton()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.language.currentIndexChanged.connect(self._language_chosen)
        if not may_edit(ctx):  # a viewer reads the settings; the language stays hers to choose
            make_read_only(self.officer_box)
            make_read_only(self.documents_box)
            self.save_button.setVisible(False)
        self.translate_ui()

    def _build_documents_box(self) -> QGroupBox:
        """How the unit's documents are headed, numbered, signed and sent."""
        self.documents_box = QGroupBox()
        dl = QVBoxLayout(self.documents_box)
        self.documents_form = Form(
            [
                TextField("parent_body", N_("Body above the issuer")),
                TextField("issuer", N_("Issuing body"), required=True),
                TextField("symbol", N_("Document symbol"), required=True),
                TextField("place", N_("Place (in the date line)")),
                TextField("signer_authority", N_("Signing on behalf of")),
                TextField("signer_title", N_("Signer's title")),
                TextField("signer_name", N_("Signer's name")),
                NoteField("recipients", N_("Recipients (one per line)")),
                TextField("report_deadline", N_("Yearly report due (dd/mm)")),
                TextField("reporting_cutoff", N_("Reporting year starts (mm-dd)")),
            ]
        )
        dl.addWidget(self.documents_form)
        return self.documents_box

    def translate_ui(self) -> None:
        self.accounts_box.translate_ui()
        self.title.setText(_("Settings"))
        self.language_box.setTitle(_("Language"))
        self.language_label.setText(_("Language of the interface"))
        self.officer_box.setTitle(_("Officer"))
        self.documents_box.setTitle(_("Documents of this unit"))
        self.save_button.setText(_("Save settings"))
        self.officer_form.translate_ui()
        self.documents_form.translate_ui()

    def refresh(self) -> None:
        self.accounts_box.refresh()
        docs = self.ctx.read(settings.get_document_settings, self.ctx.unit_code)
        values: dict[str, Any] = asdict(docs)
        values["recipients"] = "\n".join(docs.recipients)
        self.documents_form.load(values)
        inst = self.ctx.installation
        self.officer_form.load({"officer": inst.officer, "position": getattr(inst, "position", "")})
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.language.blockSignals(False)

    def _language_chosen(self) -> None:
        self.switch_language(self.language.currentData())

    def switch_language(self, lang: str) -> None:
        """Switch at once; every page re-translates. Remembered for the next start."""
        i18n.set_language(lang)
        if self.language.currentData() != lang:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(self.language.findData(lang))
            self.language.blockSignals(False)
        inst = self.ctx.installation
        if isinstance(inst, settings.Installation):
            self.ctx.write(
                settings.save_installation,
                replace(inst, language=lang),
                on_done=self._language_saved,
                on_error=self._failed,
                changes="settings",
            )

    def _language_saved(self, installation: settings.Installation) -> None:
        self.ctx.installation = installation

    def save(self) -> None:
        self.message.setText("")
        self.officer_form.clear_problems()
        self.documents_form.clear_problems()
        officer, ok1 = self.officer_form.read()
        docs, ok2 = self.documents_form.read()
        if ok1 and not officer["officer"]:
            self.officer_form.fields["officer"].show_problem(
                _("Enter the name of the officer who uses CoopDesk.")
            )
            ok1 = False
        if not (ok1 and ok2):
            return
        docs["recipients"] = [line for line in docs["recipients"].splitlines() if line.strip()]
        inst = self.ctx.installation
        officer_setting = settings.Installation(
            unit_code=inst.unit_code,
            role=inst.role,
            officer=officer["officer"],
            position=officer["position"],
            language=i18n.current_language(),
        )
        self.ctx.write(
            settings.save_setup,
            officer_setting,
            docs,
            on_done=self._saved,
            on_error=self._failed,
            changes="settings",
        )

    def _saved(self, installation: Any) -> None:
        self.ctx.installation = installation
        self.ctx.installation_changed.emit()
        self.refresh()  # the values as saved (trimmed, recipients one per line)
        self.message.setObjectName("")
        self.message.setStyleSheet("")
        self.message.setText(_("Settings saved."))

    def _failed(self, exc: BaseException) -> None:
        self.message.setObjectName("fieldError")
        self.message.setStyleSheet("")
        self.message.setText(str(exc))
