"""The first-run wizard: which unit, which role, who uses it, how documents are signed.

Or: open the demo instead. The wizard reads the unit catalogue through `ctx.read` and saves
the installation with the unit's document settings (`services.settings.save_setup`) in one
transaction off the GUI thread (`ctx.write`). Its `AppContext` has no installation yet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coopdesk.i18n import _
from coopdesk.security import passwords
from coopdesk.services import accounts, settings, setup, units
from coopdesk.ui.context import AppContext

CODE_ROLE = Qt.ItemDataRole.UserRole
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.setup_hint = QLabel()
        self.setup_hint.setWordWrap(True)
        self.demo_button = QCommandLinkButton()
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.setup_hint)
        layout.addSpacing(12)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)

    def translate_ui(self) -> None:
        self.setTitle(_("Welcome to CoopDesk"))
        self.intro.setText(
            _(
                "CoopDesk keeps the records of Đề án 01 on this computer: cooperatives and groups, "
                "women managers, Hội officers, trainings, activities, support and budget. "
                "It works without the Internet."
            )
        )
        self.setup_hint.setText(
            _("Press Next to set CoopDesk up for your unit (four short steps).")
        )
        self.demo_button.setText(_("Just look around: open the demo data"))
        self.demo_button.setDescription(
            _("Fictional records of a commune, kept apart from real data.")
        )


class UnitPage(QWizardPage):
    """Province → commune tree with search-as-you-type (accents not needed)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.role_label = QLabel()
        self.commune_role = QRadioButton()
        self.aggregator_role = QRadioButton()
        self.commune_role.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.role_label)
        layout.addWidget(self.commune_role)
        layout.addWidget(self.aggregator_role)
        layout.addWidget(self.error)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self.timer.start)
        self.tree.itemExpanded.connect(self._load_children)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.commune_role.toggled.connect(self._selection_changed)
        self._fill_provinces()

    def translate_ui(self) -> None:
        self.setTitle(_("Your unit"))
        self.setSubTitle(_("Choose the commune or province this copy of CoopDesk works for."))
        self.search.setPlaceholderText(
            _("Type a name, e.g. “tan phong” or “lai chau” (accents not needed)")
        )
        self.role_label.setText(_("This office:"))
        self.commune_role.setText(_("keeps the records of a commune (Hội cấp xã)"))
        self.aggregator_role.setText(_("collects the reports of its communes (province office)"))

    def _item(self, info: units.UnitInfo, lazy: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([info.name])
        item.setData(0, CODE_ROLE, info.code)
        if lazy:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        return item

    def _fill_provinces(self) -> None:
        self.tree.clear()
        for info in self.ctx.read(units.children, None):
            self.tree.addTopLevelItem(self._item(info, lazy=True))

    @Slot(QTreeWidgetItem)
    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LOADED_ROLE) or item.childCount():
            return
        item.setData(0, LOADED_ROLE, True)
        for info in self.ctx.read(units.children, item.data(0, CODE_ROLE)):
            item.addChild(self._item(info, lazy=False))

    @Slot()
    def apply_search(self) -> None:
        self.timer.stop()
        text = self.search.text().strip()
        if not text:
            self._fill_provinces()
            return
        self.tree.clear()
        for province, communes in self.ctx.read(units.search_by_province, text):
            item = self._item(province, lazy=True)
            self.tree.addTopLevelItem(item)
            if communes:
                item.setData(0, LOADED_ROLE, True)
                for info in communes:
                    item.addChild(self._item(info, lazy=False))
        self.tree.expandAll()
        first = self._first_leaf()
        if first is not None:
            self.tree.setCurrentItem(first)

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        children = (item.child(m) for m in range(item.childCount()))
        return [child for child in children if child is not None]

    def _first_leaf(self) -> QTreeWidgetItem | None:
        tops = self._top_items()
        for top in tops:
            children = self._children(top)
            if children:
                return children[0]
        return tops[0] if len(tops) == 1 else None

    def select_code(self, code: str) -> None:
        for top in self._top_items():
            for item in (top, *self._children(top)):
                if item.data(0, CODE_ROLE) == code:
                    self.tree.setCurrentItem(item)
                    return

    def unit_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, CODE_ROLE) if item is not None else None

    def role(self) -> str:
        return "commune" if self.commune_role.isChecked() else "aggregator"

    def is_province(self) -> bool:
        item = self.tree.currentItem()
        return item is not None and item.parent() is None

    def problem(self) -> str:
        if self.unit_code() is None:
            return _("Choose your unit in the list.")
        if self.role() == "commune" and self.is_province():
            return _(
                "A commune office works for a commune: open the province and choose the commune."
            )
        if self.role() == "aggregator" and not self.is_province():
            return _("A collecting office works for a province: choose the province itself.")
        return ""

    @Slot()
    def _selection_changed(self, *_args: Any) -> None:
        self.error.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.unit_code() is not None

    def validatePage(self) -> bool:
        problem = self.problem()
        self.error.setText(problem)
        return not problem


class PeoplePage(QWizardPage):
    """Who uses CoopDesk, and how the unit's documents are headed and numbered."""

    def __init__(self, ctx: AppContext, unit_page: UnitPage) -> None:
        super().__init__()
        self.ctx = ctx
        self.unit_page = unit_page
        self.officer = QLineEdit()
        self.position = QLineEdit()
        self.issuer = QLineEdit()
        self.symbol = QLineEdit()
        self.officer_error = QLabel()
        self.officer_error.setObjectName("fieldError")
        form = QFormLayout(self)
        self.labels = [QLabel() for _n in range(4)]
        form.addRow(self.labels[0], self.officer)
        form.addRow("", self.officer_error)
        form.addRow(self.labels[1], self.position)
        form.addRow(self.labels[2], self.issuer)
        form.addRow(self.labels[3], self.symbol)
        self.officer.textChanged.connect(lambda _t: self.officer_error.setText(""))
        self._defaults_for: str | None = None

    def translate_ui(self) -> None:
        self.setTitle(_("Officer and documents"))
        self.setSubTitle(_("Reports carry these names; you can change them later in Settings."))
        for label, text in zip(
            self.labels,
            [_("Your full name"), _("Your position"), _("Issuing body"), _("Document symbol")],
            strict=True,
        ):
            label.setText(text)
        self.position.setPlaceholderText(_("e.g. Chủ tịch Hội LHPN phường"))

    def initializePage(self) -> None:
        code = self.unit_page.unit_code()
        if code and code != self._defaults_for:
            defaults = self.ctx.read(settings.default_document_settings, code)
            self.issuer.setText(defaults.issuer)
            self.symbol.setText(defaults.symbol)
            self._defaults_for = code

    def validatePage(self) -> bool:
        if not self.officer.text().strip():
            self.officer_error.setText(_("Enter the name of the officer who uses CoopDesk."))
            self.officer.setFocus()
            return False
        return True


class AccountPage(QWizardPage):
    """The administrator's account (issue 13): a login name and a password typed twice;
    once saved, the recovery code to write down."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login = QLineEdit("admin")
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _n in range(3)]
        for label, field in zip(self.labels, (self.login, self.password, self.again), strict=True):
            form.addRow(label, field)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.code_note = QLabel()
        self.code_note.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("pageTitle")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.code_note, self.code):
            widget.hide()
            layout.addWidget(widget)
        layout.addStretch(1)

    def translate_ui(self) -> None:
        self.setTitle(_("Administrator account"))
        self.setSubTitle(
            _(
                "CoopDesk asks for this password at start and after a while without use. "
                "The administrator adds the other accounts later (Settings → Accounts)."
            )
        )
        for label, text in zip(
            self.labels, [_("Login name"), _("Password"), _("Password again")], strict=True
        ):
            label.setText(text)
        self.code_note.setText(
            _(
                "Write down this recovery code on paper and keep it safe, away from the "
                "computer. It is the only way back in if every password is forgotten. "
                "Then press Start."
            )
        )

    def problem(self) -> str:
        if not self.login.text().strip():
            return _("Give a login name.")
        if passwords.password_too_short(self.password.text()):
            return _("The password must have at least {n} characters.").format(
                n=passwords.MIN_PASSWORD_LENGTH
            )
        if self.password.text() != self.again.text():
            return _("The two passwords differ; nothing was changed.")
        return ""

    def show_code(self, code: str) -> None:
        for widget in (self.login, self.password, self.again, *self.labels):
            widget.setEnabled(False)
        self.code.setText(code)
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.code.setFont(font)
        self.code_note.show()
        self.code.show()


class FirstRunWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chose_demo = False
        self.installation: settings.Installation | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.welcome = WelcomePage()
        self.unit_page = UnitPage(ctx)
        self.people_page = PeoplePage(ctx, self.unit_page)
        self.account_page = AccountPage()
        self.recovery_code: str | None = None
        for page in (self.welcome, self.unit_page, self.people_page, self.account_page):
            self.addPage(page)
        self.welcome.demo_button.clicked.connect(self.open_demo)
        self.resize(720, 560)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("CoopDesk — first start"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Start"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        for page in (self.welcome, self.unit_page, self.people_page, self.account_page):
            page.translate_ui()

    @Slot()
    def open_demo(self) -> None:
        self.chose_demo = True
        super().accept()

    def accept(self) -> None:
        """Save off the GUI thread and show the recovery code, or say what is wrong and stay
        open; once the code is shown, close."""
        if self.recovery_code is not None:
            super().accept()
            return
        problem = self.account_page.problem()
        if problem:
            self.account_page.error.setText(problem)
            return
        self.account_page.error.setText("")
        code = self.unit_page.unit_code()
        assert code is not None
        from coopdesk import i18n

        installation = settings.Installation(
            unit_code=code,
            role=self.unit_page.role(),
            officer=self.people_page.officer.text(),
            position=self.people_page.position.text(),
            language=i18n.current_language(),
        )
        documents = {
            "issuer": self.people_page.issuer.text(),
            "symbol": self.people_page.symbol.text(),
        }
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.ctx.write(
            setup.set_up,
            installation,
            documents,
            self.account_page.login.text(),
            self.account_page.password.text(),
            on_done=self._saved,
            on_error=self._failed,
            changes="settings",
        )

    def _saved(self, result: tuple[settings.Installation, str]) -> None:
        self.installation, self.recovery_code = result
        self.ctx.installation = self.installation
        self.account_page.show_code(self.recovery_code)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).hide()  # set up: nothing to cancel
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        """A settings problem: said on the page, the wizard stays open."""
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, accounts.AccountError):
            self.account_page.error.setText(str(exc))
            return
        self.people_page.officer_error.setText(str(exc))
