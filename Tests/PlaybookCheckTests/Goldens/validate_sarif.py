"""Validates a SARIF log against the OASIS SARIF 2.1.0 JSON schema (errata01), kept beside
this script so the check runs offline. Usage: validate_sarif.py SCHEMA LOG; exit 0 when valid."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
for error in errors:
    print("/".join(str(p) for p in error.path) + ": " + error.message)
sys.exit(1 if errors else 0)
