"""Print a pip constraints file pinning each runtime dependency to the lowest version pyproject.toml allows."""

import re
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    project = tomllib.load(f)["project"]
for requirement in project["dependencies"]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*(?:,.*)?", requirement.split(";")[0])
    if not match:
        sys.exit(f"oldest.py: {requirement!r} has no lower bound (>=) to test")
    print(f"{match[1]}=={match[2]}")
