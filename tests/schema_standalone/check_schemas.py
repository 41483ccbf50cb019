#!/usr/bin/python3
"""Check gwlint's JSON Schemas on their own, without the C++ linter.

Usage:
    check_schemas.py SCHEMA_DIR --good FILE... --bad FILE... [--root NAME]

Loads every *.json under SCHEMA_DIR (recursively), checks each against the
draft-07 meta-schema and against the house style (a $id and $schema on every
file, only the keywords the linter's valijson glue expects, a description on
every property, $refs that valijson 1.0 resolves unambiguously), then
validates each --good file (must pass) and each --bad file (must fail)
against the root schema (default app-config.schema.json).

A bad file may carry `# expect: TEXT` comment lines; then at least one
validation error (searched through anyOf/oneOf branches too, as
"dotted.path: message") must contain each TEXT, so a bad fixture cannot pass
for the wrong reason.

Inputs are read with PyYAML (JSON is a subset of it) using a SafeLoader
without the YAML 1.1 timestamp resolver, so `2024-10-21` stays a string as it
does for Backstage's YAML 1.2 loader.

Prints one line per file and a final `N passed, M failed`; exits 1 on any
failure, 2 on a usage error.
"""

import argparse
import json
import pathlib
import posixpath
import re
import sys

import jsonschema
import yaml

DRAFT7 = "http://json-schema.org/draft-07/schema#"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

# Keywords the schemas may use: valijson (the linter) and editors all agree on
# these; value checks (pattern, format, ...) belong to the linter's rules.
ALLOWED_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "examples", "definitions",
    "type", "enum", "required", "properties", "additionalProperties",
    "anyOf", "oneOf", "items",
}


class NoTimestampLoader(yaml.SafeLoader):
    """SafeLoader that keeps date-like scalars (2024-10-21) as strings."""


NoTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=NoTimestampLoader)


def expectations(path):
    pattern = re.compile(r"^\s*#\s*expect:\s*(.+?)\s*$")
    with open(path, encoding="utf-8") as f:
        return [m.group(1) for line in f if (m := pattern.match(line))]


def dotted(error):
    parts = [str(p) for p in error.absolute_path]
    return ".".join(parts) if parts else "(root)"


def describe(error):
    return f"{dotted(error)}: {error.message}"


def most_relevant(errors):
    """The error to show: jsonschema's best match, which looks inside anyOf."""
    return jsonschema.exceptions.best_match(errors) or errors[0]


def all_error_texts(errors):
    """Every error, including those inside anyOf/oneOf branches."""
    out = []
    stack = list(errors)
    while stack:
        error = stack.pop()
        out.append(describe(error))
        stack.extend(error.context or [])
    return out


def style_problems(schema, where="#"):
    """House-style violations in one schema document."""
    problems = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                for name, sub in value.items():
                    if not isinstance(sub, dict) or "description" not in sub:
                        problems.append(f"{where}/properties/{name}: no description")
                    problems += style_problems(sub, f"{where}/properties/{name}")
            elif key == "definitions":
                for name, sub in value.items():
                    problems += style_problems(sub, f"{where}/definitions/{name}")
            elif key in ("anyOf", "oneOf"):
                for i, sub in enumerate(value):
                    problems += style_problems(sub, f"{where}/{key}/{i}")
            elif key in ("items", "additionalProperties"):
                if isinstance(value, dict):
                    problems += style_problems(value, f"{where}/{key}")
            elif key not in ALLOWED_KEYWORDS:
                problems.append(f"{where}: keyword {key!r} is not allowed")
    return problems


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key not in ("examples", "enum"):
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def cross_file_problems(by_path):
    """Guards for valijson 1.0, which ignores $id: it keys its schema cache by
    the bare JSON pointer of a $ref, so `#/definitions/X` in one file and
    `/definitions/X` in another are confused. Keep every $ref pointing at a
    whole file or at #/definitions/NAME, and every NAME unique across files."""
    problems, owner = [], {}
    for rel, schema in sorted(by_path.items()):
        for name in schema.get("definitions", {}):
            if name in owner:
                problems.append(f"{rel}: definition {name!r} is also in {owner[name]} "
                                "(valijson 1.0 would confuse the two)")
            else:
                owner[name] = rel
        for ref in refs(schema):
            fragment = ref.partition("#")[2]
            if fragment and not re.fullmatch(r"/definitions/[^/]+", fragment):
                problems.append(f"{rel}: $ref {ref!r} must point at a whole file "
                                "or at #/definitions/NAME")
            target = ref.partition("#")[0]
            if target:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
                if resolved not in by_path:
                    problems.append(f"{rel}: $ref {ref!r} names no file under SCHEMA_DIR")
    return problems


def load_schemas(schema_dir):
    """Returns ({uri: schema}, {path: schema}, [problems])."""
    store, by_path, problems = {}, {}, []
    for path in sorted(schema_dir.rglob("*.json")):
        rel = path.relative_to(schema_dir).as_posix()
        try:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
        except (OSError, ValueError) as e:
            problems.append(f"{rel}: cannot load: {e}")
            continue
        try:
            jsonschema.Draft7Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            problems.append(f"{rel}: not a valid draft-07 schema: {e.message}")
        if schema.get("$schema") != DRAFT7:
            problems.append(f"{rel}: $schema is not {DRAFT7}")
        schema_id = schema.get("$id")
        if not isinstance(schema_id, str) or not schema_id.endswith("/" + rel):
            problems.append(f"{rel}: $id {schema_id!r} does not end in /{rel}")
        elif schema_id in store:
            problems.append(f"{rel}: duplicate $id {schema_id}")
        else:
            store[schema_id] = schema
        # Also reachable by file URI, so relative refs work when the root is
        # loaded by path rather than by $id.
        store[path.resolve().as_uri()] = schema
        problems += [f"{rel}: {p}" for p in style_problems(schema)]
        by_path[rel] = schema
    problems += cross_file_problems(by_path)
    return store, by_path, problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema_dir", type=pathlib.Path, metavar="SCHEMA_DIR")
    parser.add_argument("--good", nargs="*", default=[], metavar="FILE")
    parser.add_argument("--bad", nargs="*", default=[], metavar="FILE")
    parser.add_argument("--root", default="app-config.schema.json",
                        help="root schema, relative to SCHEMA_DIR")
    args = parser.parse_args(argv)

    if not args.schema_dir.is_dir():
        parser.error(f"{args.schema_dir} is not a directory")
    if not args.good and not args.bad:
        parser.error("give at least one --good or --bad file")

    passed = failed = 0
    store, by_path, problems = load_schemas(args.schema_dir)
    for problem in problems:
        print(f"FAIL schema {problem}")
        failed += 1
    if args.root not in by_path:
        print(f"FAIL schema root {args.root} not found under {args.schema_dir}")
        print(f"{passed} passed, {failed + 1} failed")
        return 1
    if not problems:
        print(f"ok schemas {len(by_path)} files in {args.schema_dir}")
        passed += 1

    root = by_path[args.root]
    resolver = jsonschema.RefResolver(base_uri=root["$id"], referrer=root, store=store)
    validator = jsonschema.Draft7Validator(root, resolver=resolver)

    for kind, files in (("good", args.good), ("bad", args.bad)):
        for name in files:
            try:
                document = load_document(name)
                errors = sorted(validator.iter_errors(document),
                                key=lambda e: (list(map(str, e.absolute_path)), e.message))
            except (OSError, yaml.YAMLError) as e:
                print(f"FAIL {kind} {name}: cannot load: {e}".replace("\n", " "))
                failed += 1
                continue
            except jsonschema.exceptions.RefResolutionError as e:
                print(f"FAIL {kind} {name}: $ref does not resolve: {e}")
                failed += 1
                continue
            if kind == "good":
                if errors:
                    print(f"FAIL good {name}: {describe(most_relevant(errors))}")
                    failed += 1
                else:
                    print(f"ok good {name}")
                    passed += 1
                continue
            if not errors:
                print(f"FAIL bad {name}: validates, but should not")
                failed += 1
                continue
            texts = all_error_texts(errors)
            missing = [want for want in expectations(name)
                       if not any(want in text for text in texts)]
            if missing:
                print(f"FAIL bad {name}: no error contains {missing[0]!r}; "
                      f"first error: {describe(most_relevant(errors))}")
                failed += 1
            else:
                print(f"ok bad {name}: {describe(most_relevant(errors))}")
                passed += 1

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
