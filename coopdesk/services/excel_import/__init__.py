"""Officers' spreadsheets into the registry: templates (`export`), the dry run (`preview`),
the import through the editors' save functions (`apply`) and its undo (`undo`).

Reading files, legacy fonts and template layout are `coopdesk.excel`, below this layer."""
