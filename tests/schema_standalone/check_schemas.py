#!/usr/bin/python3
"""Check gwlint's JSON Schemas on their own, without the C++ linter.

Usage:
    check_schemas.py SCHEMA_DIR [--good FILE...] [--bad FILE...] [--root NAME]
                     [--fixtures DIR [--bad-codes CODE...]]

Loads every *.json under SCHEMA_DIR (recursively), checks each against the
draft-07 meta-schema and against the house style (a $id and $schema on every
file, only the keywords the linter's valijson glue expects, a description on
every property, $refs that valijson 1.0 resolves unambiguously), then
validates each --good file (must pass) and each --bad file (must fail)
against the root schema (default app-config.schema.json).

A bad file may carry `# expect: TEXT` comment lines; then at least one
validation error (searched through anyOf/oneOf branches too, as
"dotted.path: message") must contain each TEXT, so a bad fixture cannot pass
for the wrong reason. Rule-code expectations (`# expect: GW003`, the linter's
fixture convention) are not error texts and are ignored here.

--fixtures DIR adds the linter's rule fixtures: every DIR/*/good-*.{yaml,yml,json}
must validate (a good fixture produces no finding of any rule, so the schema
alone must accept it), and every DIR/CODE/bad-* of each --bad-codes CODE
(default GW003 GW004, the schema's own rules) must not.

`{ $include: path[#dotted.path] }` mappings are replaced by the included
file's content (relative to the including file), as Backstage does.

Inputs are read with PyYAML (JSON is a subset of it) using a SafeLoader typed
like YAML 1.2's core schema, as Backstage's loader is: `2024-10-21`, `yes`,
`on` and `1_000` stay strings.

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
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
MERGE_TAG = "tag:yaml.org,2002:merge"

# Keywords the schemas may use: valijson (the linter) and editors all agree on
# these; value checks (pattern, format, ...) belong to the linter's rules.
ALLOWED_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "examples", "definitions",
    "type", "enum", "required", "properties", "additionalProperties",
    "anyOf", "oneOf", "items",
}


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema typing, as Backstage's loader: no
    timestamps (2024-10-21 stays a string), only true/false booleans (yes, on
    stay strings), core-schema ints and floats only (1_000, 0b1, 1:20 stay strings),
    and no YAML 1.1 merge key (`<<: *base` stays an ordinary `<<` key)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in (TIMESTAMP_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, MERGE_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in (
        (BOOL_TAG, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        (INT_TAG, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        (FLOAT_TAG, r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789")):
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_yaml12_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_yaml12_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Yaml12Loader.add_constructor(INT_TAG, _construct_yaml12_int)
Yaml12Loader.add_constructor(BOOL_TAG, _construct_yaml12_bool)


FIXTURE_SUFFIXES = (".yaml", ".yml", ".json")
RULE_CODES = re.compile(r"^[A-Z]+[0-9]{3}(\s*,\s*[A-Z]+[0-9]{3})*$")


def resolve_includes(value, base_dir, depth=0):
    """Backstage's `{ $include: file[#dotted.path] }`: the included value."""
    if depth > 16:
        raise ValueError("$include nested too deeply")
    if isinstance(value, dict):
        if len(value) == 1 and isinstance(value.get("$include"), str):
            target, _, dotted = value["$include"].partition("#")
            path = pathlib.Path(base_dir) / target
            with open(path, encoding="utf-8") as f:
                included = yaml.load(f, Loader=Yaml12Loader)
            for key in filter(None, dotted.split(".")):
                included = included[key]
            return resolve_includes(included, path.parent, depth + 1)
        return {k: resolve_includes(v, base_dir, depth) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_includes(v, base_dir, depth) for v in value]
    return value


def load_document(path):
    with open(path, encoding="utf-8") as f:
        document = yaml.load(f, Loader=Yaml12Loader)
    return resolve_includes(document, pathlib.Path(path).parent)


def expectations(path):
    pattern = re.compile(r"^\s*#\s*expect:\s*(.+?)\s*$")
    with open(path, encoding="utf-8") as f:
        found = [m.group(1) for line in f if (m := pattern.match(line))]
    return [text for text in found if not RULE_CODES.match(text)]


def fixture_files(fixtures_dir, bad_codes):
    """(good, bad) files among the linter's rule fixtures."""
    def under(folder, prefix):
        return sorted(str(p) for p in folder.glob(prefix + "*")
                      if p.is_file() and p.suffix in FIXTURE_SUFFIXES)
    good = [f for folder in sorted(fixtures_dir.iterdir()) if folder.is_dir()
            for f in under(folder, "good-")]
    bad = [f for code in bad_codes for f in under(fixtures_dir / code, "bad-")]
    return good, bad


def make_validator(root, store):
    """A draft-07 validator that finds $refs in `store` by URI, offline."""
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7 as REFERENCING_DRAFT7
    except ImportError:  # jsonschema < 4.18: RefResolver is all there is
        resolver = jsonschema.RefResolver(base_uri=root["$id"], referrer=root, store=store)
        return jsonschema.Draft7Validator(root, resolver=resolver)
    # Newer jsonschema's RefResolver loses the resolution scope after a cross-file
    # $ref (it then looks for providers/providers/x.json); `referencing` does not.
    registry = Registry().with_resources(
        (uri, Resource.from_contents(schema, default_specification=REFERENCING_DRAFT7))
        for uri, schema in store.items())
    return jsonschema.Draft7Validator(root, registry=registry)


def ref_errors():
    """What a $ref that does not resolve raises, old jsonschema and new."""
    try:
        from referencing.exceptions import Unresolvable
    except ImportError:
        return (jsonschema.exceptions.RefResolutionError,)
    return (Unresolvable,)


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
    parser.add_argument("--fixtures", type=pathlib.Path, metavar="DIR",
                        help="the linter's rule fixtures: all good-* must pass, "
                             "bad-* of --bad-codes must fail")
    parser.add_argument("--bad-codes", nargs="*", default=["GW003", "GW004"], metavar="CODE",
                        help="fixture folders whose bad-* files the schema alone rejects")
    args = parser.parse_args(argv)

    if not args.schema_dir.is_dir():
        parser.error(f"{args.schema_dir} is not a directory")
    if args.fixtures:
        if not args.fixtures.is_dir():
            parser.error(f"{args.fixtures} is not a directory")
        good, bad = fixture_files(args.fixtures, args.bad_codes)
        args.good += good
        args.bad += bad
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
    validator = make_validator(root, store)
    unresolvable = ref_errors()

    for kind, files in (("good", args.good), ("bad", args.bad)):
        for name in files:
            try:
                document = load_document(name)
                errors = sorted(validator.iter_errors(document),
                                key=lambda e: (list(map(str, e.absolute_path)), e.message))
            except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as e:
                print(f"FAIL {kind} {name}: cannot load: {e}".replace("\n", " "))
                failed += 1
                continue
            except unresolvable as e:
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
