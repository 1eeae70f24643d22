#!/usr/bin/env python3
# report-agreement.py: writes one period's report from a database in the
# four formats with pandawa-cli and checks that they say the same, figure by
# figure: the JSON's headline figures against the CSV's figures table, the
# XLSX's first sheet and the PDF's table "A. Angka Utama" (via pdftotext).
# It reads the files only, not the report code, so it checks the exporters
# against each other as an officer would see them.
#
#   build-aux/report-agreement.py [--cli PATH] --db PATH --month YYYY-MM [--to YYYY-MM]
#
# Exit 0 when every figure agrees, 1 with the differences listed.
#
# Copyright 2026 Disdukcapil Kota Pekanbaru
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def run_report(cli, db, month, to, fmt, out):
    args = [cli, "report", "--db", db, "--month", month, "--format", fmt, "-o", out]
    if fmt == "csv":
        args += ["--table", "figures"]
    if to:
        args += ["--to", to]
    start = time.monotonic()
    subprocess.run(args, check=True)
    return time.monotonic() - start


def indonesian_number(text):
    """'5.131' -> 5131, '84,93' -> 84.93, '−0,55' -> -0.55, '–' -> None."""
    text = text.strip().replace("\u2212", "-").replace("+", "")
    if text in ("", "-", "\u2013"):
        return None
    return float(text.replace(".", "").replace(",", "."))


UNITS = {"hari": 86400, "jam": 3600, "menit": 60, "detik": 1}


def duration_in_words(text):
    """'1 jam 29 menit' -> (5340, 60): the seconds and the smallest unit shown."""
    parts = re.findall(r"(\d+)\s+(hari|jam|menit|detik)", text)
    if not parts:
        return None
    return sum(int(n) * UNITS[u] for n, u in parts), UNITS[parts[-1][1]]


def json_figures(path):
    with open(path, encoding="utf-8") as f:
        figures = json.load(f)["figures"]
    return {key: value.get("value") for key, value in figures.items()}


def csv_figures(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[1]
    code, value = header.index("Kode"), header.index("Nilai")
    return {row[code]: indonesian_number(row[value]) for row in rows[2:] if row}


def xlsx_figures(path):
    with zipfile.ZipFile(path) as z:
        strings = [
            "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)
        ]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    figures = {}
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            column = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find("m:v", NS)
            if v is None:
                continue
            cells[column] = strings[int(v.text)] if c.get("t") == "s" else float(v.text)
        if isinstance(cells.get("C"), float) and isinstance(cells.get("A"), str):
            figures[cells["A"]] = cells["C"]
    return figures


def pdf_figures(path, labels):
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                          capture_output=True, text=True).stdout
    table = text[text.index("A. Angka Utama"):]
    figures = {}
    for key, label in labels.items():
        match = re.search(r"^\s*\d+\s+" + re.escape(label) + r"\s{2,}(\S+(?: \S+)*?)\s{2,}", table, re.M)
        figures[key] = match.group(1) if match else None
    return figures


def close(a, b, decimals):
    if a is None or b is None:
        return a is None and b is None
    return round(float(a), decimals) == round(float(b), decimals)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.environ.get("PANDAWA_CLI", "_build/src/pandawa-cli"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--month", required=True)
    parser.add_argument("--to")
    options = parser.parse_args()

    failures = []
    with tempfile.TemporaryDirectory(prefix="pandawa-agreement-") as tmp:
        paths = {fmt: os.path.join(tmp, "laporan." + fmt) for fmt in ("json", "xlsx", "pdf")}
        paths["csv"] = os.path.join(tmp, "figures.csv")
        seconds = {}
        for fmt, path in paths.items():
            seconds[fmt] = run_report(options.cli, options.db, options.month, options.to, fmt, path)
        reference = json_figures(paths["json"])
        with open(paths["csv"], encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        labels = {row[0]: row[1] for row in rows[2:] if row}
        # The XLSX keeps durations as spreadsheet times (days), shown [h]:mm:ss.
        units = {row[0]: row[5] for row in rows[2:] if row}
        xlsx = xlsx_figures(paths["xlsx"])
        for key, unit in units.items():
            if unit == "detik" and xlsx.get(key) is not None:
                xlsx[key] = round(xlsx[key] * 86400)
        others = {"csv": csv_figures(paths["csv"]), "xlsx": xlsx}
        pdf = pdf_figures(paths["pdf"], labels)

        for key, value in reference.items():
            for fmt, figures in others.items():
                if not close(value, figures.get(key), 2):
                    failures.append(f"{key}: json {value} but {fmt} {figures.get(key)}")
            shown = pdf.get(key)
            if value is not None and shown is None:
                failures.append(f"{key}: json {value} but not found in the PDF")
                continue
            words = duration_in_words(shown) if units.get(key) == "detik" else None
            if words is not None:
                # Written in words, to the unit shown: "1 jam 29 menit".
                seconds_shown, unit = words
                if not seconds_shown <= value < seconds_shown + unit:
                    failures.append(f"{key}: json {value} s but pdf {shown}")
                continue
            number = indonesian_number(shown.rstrip("%"))
            if not close(value, number, 1 if shown.endswith("%") else 2):
                failures.append(f"{key}: json {value} but pdf {shown}")

    print(f"{len(reference)} figures compared in JSON, CSV, XLSX and PDF for {options.month}"
          + (f" to {options.to}" if options.to else ""))
    print("seconds to write: " + ", ".join(f"{fmt} {s:.2f}" for fmt, s in seconds.items()))
    for failure in failures:
        print("DIFFERS: " + failure)
    if not failures:
        print("every figure agrees")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
