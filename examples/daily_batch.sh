#!/usr/bin/env bash
# Daily batch: process the articles that arrived in a folder since the last run, into SQLite,
# and print what is new. Run it from cron, e.g.  15 6 * * *  /path/to/daily_batch.sh ~/news ~/facts.sqlite
#
# Only new or changed files are processed (kiextract skips documents whose sha256 it already
# stored); each document is written in one transaction, so an interrupted run is finished by the next.
set -euo pipefail
folder=${1:?usage: daily_batch.sh FOLDER DB}
db=${2:?usage: daily_batch.sh FOLDER DB}
since=$(date -u +%Y-%m-%dT%H:%M:%S)

kiextract facts "$folder" --db "$db" --jobs "${JOBS:-2}"

python3 - "$db" "$since" <<'PY'
import sqlite3, sys
db, since = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(db)
docs = conn.execute("select sha256, source, published from documents where processed_at >= ? order by source", (since,)).fetchall()
print(f"{len(docs)} new documents")
for sha, source, published in docs:
    print(f"\n{source} (published {published or 'unknown'})")
    for type_, value, text in conn.execute(
        "select type, value, text from facts where document = ? and type in ('person', 'organization', 'money', 'quantity') order by start",
        (sha,),
    ):
        print(f"  {type_:<12} {value!s:<40} {text}")
PY
