#!/usr/bin/env python3
"""Derives the compact geography resources of the platform library from the INSEE/Etalab
reference data in shared/reference-data/geo (see README.md beside the output for provenance).

Usage: python3 deploy/platform/tools/derive-geography.py ../shared/reference-data/geo
"""
import csv
import json
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference-data/geo"
out = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "fr", "pairaidance", "reference")

regions = json.load(open(os.path.join(src, "regions.json"), encoding="utf-8"))
departments = json.load(open(os.path.join(src, "departements.json"), encoding="utf-8"))
communes = json.load(open(os.path.join(src, "communes.json"), encoding="utf-8"))
zones = json.load(open(os.path.join(src, "zones-emploi-2020.json"), encoding="utf-8"))


def write(name, header, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


write("regions.csv", ["code", "name"], sorted((r["code"], r["nom"]) for r in regions))
write("departments.csv", ["code", "region", "name"],
      sorted((d["code"], d["region"], d["nom"]) for d in departments))
# The source's labels come from INSEE's unemployment series, which leaves out Guyane and Mayotte; their
# communes still map to zones 0301-0303 and 0601. INSEE names those zones after their main town.
UNLABELLED_BY_SOURCE = {"0301": "Cayenne", "0302": "Saint-Laurent-du-Maroni", "0303": "Kourou", "0601": "Mayotte"}
labels = {code: z["label"] for code, z in zones["zes"].items()}
labels.update({code: name for code, name in UNLABELLED_BY_SOURCE.items() if code not in labels})
write("zones.csv", ["code", "name"], sorted(labels.items()))
crosswalk = zones["communes"]
rows = []
for c in communes:
    if c["type"] != "commune-actuelle":
        continue
    rows.append((c["code"], c["nom"], c["departement"], c["region"], crosswalk.get(c["code"], ""),
                 c.get("population", 0) or 0, " ".join(c.get("codesPostaux", []))))
write("communes.csv", ["code", "name", "department", "region", "zone", "population", "postal_codes"], sorted(rows))
print(f"{len(regions)} regions, {len(departments)} departments, {len(labels)} zones, {len(rows)} communes")
