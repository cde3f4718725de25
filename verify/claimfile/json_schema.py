"""The JSON Schema (2020-12) of a claim file, built from the loader's field table.

Editors (Taplo, Even Better TOML) use it for completion, hover and validation as a
claim file is typed. TOML dates appear to them as strings in `date` format.
"""

from __future__ import annotations

from typing import Any

from verify import resources
from verify.claimfile.schema import ARRAYS, FIELDS, Field

ID_PATTERN = "^[a-z][a-z0-9_]*$"
REF_PATTERN = "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$"


def claim_file_schema() -> dict[str, Any]:
    tables = {}
    for name, fields in FIELDS.items():
        table = {
            "type": "object",
            "description": _TABLE_DESCRIPTIONS[name],
            "properties": {f.name: _property(f) for f in fields},
            "additionalProperties": False,
        }
        required = [f.name for f in fields if f.required and not (name == "claim" and f.name == "entity")]
        if required:
            table["required"] = required
        tables[name] = {"type": "array", "description": table.pop("description"), "items": table} \
            if name in ARRAYS else table
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://verify-claims.invalid/claim-file.schema.json",
        "title": "verify claim file",
        "description": "The numeric claims of one source document, checked by `verify`.",
        "type": "object",
        "properties": tables,
        "required": ["source"],
        "additionalProperties": False,
    }


_TABLE_DESCRIPTIONS = {
    "source": "The document the claims come from.",
    "defaults": "Any claim field, applied to every claim of the file that does not set it.",
    "claim": "A numeric claim: a typed quantity tied to an entity, a metric, a time and this source.",
    "check": "A hand-written relation among claims, checked under both readings.",
    "acknowledge": "A reviewed discrepancy that should no longer fail the run (it is still reported).",
}


def _property(field: Field) -> dict[str, Any]:
    prop: dict[str, Any] = {"description": field.description}
    if field.example:
        prop["examples"] = [_example_value(field.example)]
    if field.type == "date":
        prop.update(type="string", format="date")
    elif field.type == "precision":
        prop["anyOf"] = [{"const": "exact"}, {"type": "number", "exclusiveMinimum": 0},
                         {"type": "string", "pattern": "^[0-9]*\\.?[0-9]+$"}]
    elif field.type == "refs":
        prop.update(type="array", minItems=1, items={"type": "string", "pattern": REF_PATTERN})
    else:
        prop["type"] = "string"
    if field.enum:
        prop["enum"] = list(field.enum)
    if field.name == "id":
        prop["pattern"] = ID_PATTERN
    if field.name == "metric":
        # Suggestions, not a limit: a metric the vocabulary lacks is allowed.
        prop["anyOf"] = [{"enum": sorted(resources.packaged("metrics")["metrics"])}, {"type": "string"}]
    if field.name == "value":
        words = sorted({w for hedge in resources.packaged("hedges")["hedges"].values() for w in hedge["words"]})
        prop["description"] += " Hedges: " + ", ".join(words) + "."
    return prop


def _example_value(line: str) -> Any:
    import tomli

    value = next(iter(tomli.loads(line).values()))
    return value.isoformat() if hasattr(value, "isoformat") else value
