#!/usr/bin/env python3
"""Peer for the gwlint benchmark: Debian's python3-jsonschema (+ PyYAML) over config files.

usage: peer_jsonschema.py SCHEMA_DIR FILE... (or @LISTFILE: one path a line)

Loads every schemas/**/*.json, registers each by its $id (a RefResolver store on Debian 12's
jsonschema 4.10, a `referencing` registry on >= 4.18), validates each
file (YAML through PyYAML's C loader when available, JSON through json) against
app-config.schema.json with Draft7Validator, and prints: files, invalid files, errors, unreadable.
This is what a "python validator in CI" would do; it is not gwlint's behaviour (PyYAML reads an
unquoted 2024-10-21 as a date and keeps the last of two duplicate keys silently).
"""
import glob
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

import jsonschema  # noqa: E402
import yaml  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def main():
    schema_dir = sys.argv[1]
    files = []
    for a in sys.argv[2:]:
        if a.startswith("@"):
            with open(a[1:]) as f:
                files.extend(line.rstrip("\n") for line in f if line.strip())
        else:
            files.append(a)
    store = {}
    root = None
    for path in glob.glob(os.path.join(schema_dir, "**", "*.json"), recursive=True):
        with open(path) as f:
            schema = json.load(f)
        store[schema.get("$id", "file://" + os.path.abspath(path))] = schema
        if os.path.basename(path) == "app-config.schema.json":
            root = schema
    try:  # jsonschema >= 4.18: the `referencing` registry (its legacy RefResolver mis-resolves
        # relative $refs between stored documents)
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        registry = Registry().with_resources(
            (uri, Resource.from_contents(s, default_specification=DRAFT7)) for uri, s in store.items())
        validator = jsonschema.Draft7Validator(root, registry=registry)
    except ImportError:  # Debian 12's python3-jsonschema 4.10: RefResolver with a store by $id
        resolver = jsonschema.RefResolver.from_schema(root, store=store)
        validator = jsonschema.Draft7Validator(root, resolver=resolver)
    invalid = errors = unreadable = 0
    for path in files:
        try:
            with open(path, "rb") as f:
                text = f.read()
            data = json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=Loader)
        except Exception:
            unreadable += 1
            continue
        n = sum(1 for _ in validator.iter_errors(data))
        if n:
            invalid += 1
            errors += n
    print(f"python-jsonschema: {len(files)} files, {invalid} invalid, {errors} errors, {unreadable} unreadable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
