"""The first-run wizard, driven as a person would."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from coopdesk.db.engine import session_scope
from coopdesk.services import accounts, settings, trust
from coopdesk.sync import trust as sync_trust
from coopdesk.ui.context import AppContext
from coopdesk.ui.first_run import FirstRunWizard
from coopdesk.ui.tasks import InlineTaskRunner
from tests.ui.conftest import ADMIN_PASSWORD, fill_admin, save_screenshot


@pytest.fixture
def fresh(qapp, engine, data_dir, tasks) -> AppContext:
    """A database not set up yet, as the wizard finds it on the first start."""
    return AppContext(engine, data_dir, None, tasks)


def test_first_run_sets_up_a_commune(qtbot, fresh, engine) -> None:
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.unit_page
    qtbot.keyClicks(page.search, "tan phong lai chau")
    page.apply_search()
    assert page.unit_code() == "03408"
    assert page.tree.currentItem().text(0) == "Phường Tân Phong"
    assert page.tree.currentItem().parent().text(0) == "Lai Châu"
    wizard.next()
    people = wizard.people_page
    assert wizard.currentPage() is people
    assert people.issuer.text() == "HỘI LHPN PHƯỜNG TÂN PHONG"
    assert people.symbol.text() == "HPN"
    wizard.next()
    assert wizard.currentPage() is people  # no name yet: stays, says why
    assert people.officer_error.text() == "Nhập tên cán bộ sử dụng CoopDesk."
    people.officer.insert("Lò Thị Mai")  # QTest types ASCII only
    people.position.insert("Chủ tịch Hội LHPN phường")
    wizard.next()
    account = wizard.account_page
    assert wizard.currentPage() is account and account.login.text() == "admin"
    account.password.setText(ADMIN_PASSWORD)
    account.again.setText("khac-mat-khau")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert (
        wizard.isVisible()
        and account.error.text() == "Hai mật khẩu không giống nhau; chưa có gì thay đổi."
    )
    account.again.setText(ADMIN_PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and account.code.isVisible()  # the recovery code to write down
    assert re.fullmatch(r"(\d{4}-){7}\d{4}", account.code.text())
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "Bắt đầu" and "Bắt đầu" in account.code_note.text()
    save_screenshot(wizard, "first-run-recovery-code")
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert accounts.current() is not None and accounts.current().role == "admin"
    with session_scope(engine) as s:
        inst = settings.get_installation(s)
        docs = settings.get_document_settings(s, "03408")
    assert (inst.unit_code, inst.role, inst.officer) == ("03408", "commune", "Lò Thị Mai")
    assert docs.issuer == "HỘI LHPN PHƯỜNG TÂN PHONG"
    one_code_opens_the_keys_and_the_accounts(engine, account.code.text())


def one_code_opens_the_keys_and_the_accounts(engine, code: str) -> None:
    """The wizard made the keys too (the Bundles page asks for no second code), under the
    password and under the one code shown."""
    with session_scope(engine) as s:
        assert trust.identity(s) is not None
        sync_trust.unlock(s, ADMIN_PASSWORD)
        sync_trust.unlock(s, code)
        accounts.recover(s, code, "admin", "mat-khau-moi-sau-khi-quen")


def test_province_office_must_choose_a_province(qtbot, fresh, engine) -> None:
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.unit_page
    page.aggregator_role.setChecked(True)
    page.search.setText("tan phong lai chau")
    page.apply_search()
    wizard.next()
    assert wizard.currentPage() is page
    assert "tỉnh" in page.error.text()
    page.search.setText("lai chau")
    page.apply_search()
    page.select_code("12")
    wizard.next()
    assert wizard.currentPage() is wizard.people_page
    assert wizard.people_page.issuer.text() == "HỘI LHPN TỈNH LAI CHÂU"


def test_open_the_demo_instead(qtbot, fresh, engine) -> None:
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert wizard.chose_demo
    assert wizard.result() == QWizard.DialogCode.Accepted


class LaterTasks(InlineTaskRunner):
    """Holds each task until `finish()`, as a worker thread would still be busy with it."""

    def __init__(self) -> None:
        super().__init__(raise_errors=True)
        self.pending: list[tuple] = []

    def run(self, fn, *args, **kwargs) -> None:
        self.pending.append((fn, args, kwargs))

    def finish(self) -> None:
        while self.pending:
            fn, args, kwargs = self.pending.pop(0)
            super().run(fn, *args, **kwargs)


def test_the_setup_is_saved_off_the_gui_thread_then_the_wizard_closes(
    qtbot, engine, data_dir
) -> None:
    tasks = LaterTasks()
    wizard = FirstRunWizard(AppContext(engine, data_dir, None, tasks))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.unit_page.search.setText("tan phong lai chau")
    wizard.unit_page.apply_search()
    wizard.next()
    wizard.people_page.officer.setText("Lò Thị Mai")
    wizard.next()
    fill_admin(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.installation is None  # still saving
    with session_scope(engine) as s:
        assert settings.get_installation(s) is None
    tasks.finish()
    assert wizard.recovery_code is not None, wizard.people_page.officer_error.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()  # the recovery code was shown
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.installation.officer == "Lò Thị Mai"
    with session_scope(engine) as s:
        assert settings.get_installation(s).unit_code == "03408"
