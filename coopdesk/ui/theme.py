"""A light look that follows the system palette: a few accents, no hard-coded dark colours."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
#header { background: palette(base); border-bottom: 1px solid palette(mid); }
#appTitle { font-size: 15pt; font-weight: 600; color: #b0245a; }
#unitName { font-size: 11pt; font-weight: 600; }
#roleBadge, #demoBadge { border-radius: 9px; padding: 2px 10px; font-weight: 600; }
#roleBadge { background: #e9f1fb; color: #1d4f91; }
#demoBadge { background: #fff1d6; color: #8a5300; }
#sidebar { border: none; border-right: 1px solid palette(mid); background: palette(window);
           padding-top: 6px; font-size: 10.5pt; outline: 0; }
#sidebar::item { padding: 4px 8px; border-radius: 6px; margin: 1px 6px; }
#sidebar::item:selected { background: #f8dbe6; color: #7a1240; }
#pageTitle { font-size: 14pt; font-weight: 600; }
#fieldError { color: #b3261e; }
#fieldWarning { color: #8a5300; }
#badgeOn { background: #dff3e4; color: #1b5e20; border-radius: 9px; padding: 3px 10px;
           font-weight: 600; }
#badgeOff { background: palette(window); color: palette(mid); border: 1px solid palette(mid);
            border-radius: 9px; padding: 3px 10px; }
"""


def apply_theme(app: QApplication) -> None:
    if app.style().name().lower() not in {"fusion", "windowsvista", "windows11", "macos"}:
        app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
