"""Build resources/units/units.json.gz, CoopDesk's catalogue of current units, from the official
list (the National Statistics Office's, as packaged in a `vietnam-provinces` ≥ 2026.1 wheel),
and the map from the list CoopDesk shipped before (the 2025.10.1 wheel) to it.

    .venv/bin/pip download vietnam-provinces==2026.9.0 --no-deps --python-version 3.12 \\
        --only-binary=:all: -d /tmp/vp
    .venv/bin/pip download vietnam-provinces==2025.10.1 --no-deps --only-binary=:all: -d /tmp/vp
    .venv/bin/python tools/units_catalogue.py /tmp/vp/vietnam_provinces-2026.9.0-py3-none-any.whl \\
        /tmp/vp/vietnam_provinces-2025.10.1-py3-none-any.whl

Only the data files are read from the wheels (nothing of the package is imported or shipped).
A commune of the superseded list is the commune of the official list with the same name in
the same province (names are unique there, once spelling is set aside: Thuỷ/Thủy, two
spaces, ' and ’). The script stops unless every commune finds exactly one partner, and checks
each official code against the NSO's own conversion table (BangChuyendoiĐVHCmoi_cu) shipped in
the same wheel: an official commune's code is the code of one of the pre-2025 communes it was
made of. The output is deterministic (same wheels, same bytes).
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coopdesk.i18n import APOSTROPHES, collation_key  # noqa: E402

OUTPUT = ROOT / "resources" / "units" / "units.json.gz"
DATA = "vietnam_provinces/data/nested-divisions.json"
CONVERSION = "vietnam_provinces/_ward_conversion_2025.py"
_NEW_REF = re.compile(r"NewWardRef\((\d+),")
_OLD_REF = re.compile(r"OldWardRef\((\d+),")


def _wheel(path: Path) -> tuple[str, str, list[dict[str, object]], str]:
    """(release, data date, provinces with their communes, conversion table source)."""
    with zipfile.ZipFile(path) as wheel:
        init = wheel.read("vietnam_provinces/__init__.py").decode()
        data = json.loads(wheel.read(DATA))
        names = wheel.namelist()
        conversion = wheel.read(CONVERSION).decode() if CONVERSION in names else ""
    release = re.search(r"__version__ = '([^']+)'", init)
    date = re.search(r"__data_version__ = '([^']+)'", init)
    return (release.group(1) if release else "", date.group(1) if date else "", data, conversion)


def tidy(name: str) -> str:
    """NFC, single spaces, the kind of unit capitalised ('xã Bắc Sơn' → 'Xã Bắc Sơn'), the
    apostrophe written ’ as the official list writes it."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    for ch in APOSTROPHES:
        text = text.replace(ch, "\u2019")
    return text[:1].upper() + text[1:]


def same_name_key(name: str) -> str:
    """Equal for two spellings of one name (tone placement, case, dashes, apostrophes)."""
    text = tidy(name).replace("\u2013", "-").lower()
    return collation_key(text).rsplit(" ", 1)[0]


def _communes(data: list[dict[str, object]]) -> dict[int, tuple[int, str, str]]:
    out: dict[int, tuple[int, str, str]] = {}
    for province in data:
        for ward in province["wards"]:  # type: ignore[attr-defined]
            out[int(ward["code"])] = (int(province["code"]), ward["name"], ward["division_type"])
    return out


def constituents(conversion: str) -> dict[int, set[int]]:
    """Official commune code → the pre-2025 commune codes it was made of (NSO's table)."""
    table = conversion[conversion.find("NEW_TO_OLD:") :]
    out: dict[int, set[int]] = {}
    for entry in table.split("NewToOldEntry(")[1:]:
        new = _NEW_REF.search(entry)
        if new:
            out[int(new.group(1))] = {int(c) for c in _OLD_REF.findall(entry)}
    return out


def match(
    official: dict[int, tuple[int, str, str]], superseded: dict[int, tuple[int, str, str]]
) -> dict[int, int]:
    """Superseded code → official code of the same commune; stops if any is unmatched."""
    by_name = {(p, same_name_key(n)): code for code, (p, n, _t) in official.items()}
    out: dict[int, int] = {}
    for code, (province, name, _type) in superseded.items():
        partner = by_name.get((province, same_name_key(name)))
        if partner is None:
            raise SystemExit(f"no official commune for {code} {name} (province {province})")
        out[code] = partner
    if len(set(out.values())) != len(official):
        raise SystemExit("the two lists do not pair one to one")
    return out


def verify(pairs: dict[int, int], made_of: dict[int, set[int]]) -> dict[str, int]:
    """Counts for SOURCE.md: official codes confirmed by NSO's table, codes that moved, that
    now mean another commune, and moved codes the table contradicts (the old list was wrong)."""
    official = set(pairs.values())
    confirmed = sum(1 for code in official if code in made_of.get(code, set()))
    moved = {old: new for old, new in pairs.items() if old != new}
    return {
        "official_codes_confirmed": confirmed,
        "official_codes": len(official),
        "recoded": len(moved),
        "remeant": sum(1 for old in moved if old in official),
        "old_code_not_in_its_commune": sum(
            1 for old, new in moved.items() if old not in made_of.get(new, set())
        ),
    }


def build(official_wheel: Path, superseded_wheel: Path) -> tuple[dict[str, object], dict[str, int]]:
    release, date, data, conversion = _wheel(official_wheel)
    old_release, _old_date, old_data, _ = _wheel(superseded_wheel)
    official, superseded = _communes(data), _communes(old_data)
    pairs = match(official, superseded)
    stats = verify(pairs, constituents(conversion))
    provinces = [
        [f"{int(p['code']):02d}", tidy(str(p["name"])), p["division_type"]]
        for p in sorted(data, key=lambda p: int(p["code"]))  # type: ignore[call-overload]
    ]
    communes = [
        [f"{code:05d}", tidy(name), kind, f"{province:02d}"]
        for code, (province, name, kind) in sorted(official.items())
    ]
    recoded = [
        [f"{old:05d}", f"{new:05d}", tidy(superseded[old][1])]
        for old, new in sorted(pairs.items())
        if old != new
    ]
    catalogue = {
        "version": f"NSO-{date}",
        "source": {
            "list": "Danh mục đơn vị hành chính (National Statistics Office of Viet Nam)",
            "package": f"vietnam-provinces {release}, data retrieved {date}",
            "effective": "2025-07-01",
        },
        "provinces": provinces,
        "communes": communes,
        "superseded": {"version": f"VP-{old_release}", "recoded": recoded},
    }
    return catalogue, stats


def write(catalogue: dict[str, object], path: Path = OUTPUT) -> None:
    text = json.dumps(catalogue, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    catalogue, stats = build(Path(argv[0]), Path(argv[1]))
    write(catalogue)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({catalogue['version']})")
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
