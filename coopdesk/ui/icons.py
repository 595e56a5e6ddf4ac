"""One icon set: the small SVG line icons in resources/icons (see its LICENSE.txt)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from coopdesk import paths

_FALLBACK = {
    "overview": QStyle.StandardPixmap.SP_DesktopIcon,
    "cooperatives": QStyle.StandardPixmap.SP_DirHomeIcon,
    "people": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "officers": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "trainings": QStyle.StandardPixmap.SP_FileDialogListView,
    "activities": QStyle.StandardPixmap.SP_MediaPlay,
    "support": QStyle.StandardPixmap.SP_DialogApplyButton,
    "budget": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "plans": QStyle.StandardPixmap.SP_FileDialogStart,
    "reports": QStyle.StandardPixmap.SP_FileIcon,
    "bundles": QStyle.StandardPixmap.SP_DriveFDIcon,
    "settings": QStyle.StandardPixmap.SP_ComputerIcon,
    "add": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "edit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
    "search": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "help": QStyle.StandardPixmap.SP_DialogHelpButton,
}


@cache
def icon(name: str) -> QIcon:
    svg = paths.resources_dir() / "icons" / f"{name}.svg"
    if svg.exists():
        return QIcon(str(svg))
    style = QApplication.style()
    return style.standardIcon(_FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon))
