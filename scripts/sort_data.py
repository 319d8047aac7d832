"""Sort the hand-written data files in kiextract/data in place (comments and a .tsv header stay on top).

    python scripts/sort_data.py
"""
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "kiextract" / "data"

for path in sorted(DATA.glob("*.txt")) + sorted(DATA.glob("*.tsv")):
    lines = path.read_text(encoding="utf-8").splitlines()
    head = [line for line in lines if line.startswith("#")]
    rows = [line for line in lines if line and not line.startswith("#")]
    if path.suffix == ".tsv":
        head, rows = head + rows[:1], rows[1:]
    path.write_text("\n".join(head + sorted(set(rows))) + "\n", encoding="utf-8")
