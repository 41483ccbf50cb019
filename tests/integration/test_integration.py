#!/usr/bin/env python3
"""Integration tests: gwlint as the tools around it use it.

- init: `gwlint init` writes .gwlint.yaml, refuses to overwrite it without --force, and prints a
  .pre-commit-config.yaml that works as is.
- precommit: the repository's .pre-commit-hooks.yaml with Debian's real `pre-commit` (offline:
  `language: system` on a local repository needs no network): `try-repo` fails on a bad staged
  config and passes a clean one; `pre-commit install` + `git commit` blocks a bad commit.
  Skipped, with a message, only when `pre-commit` is not installed.
- install: `cmake --install` into a temporary DESTDIR puts every file where it belongs, and
  `cpack -G DEB` builds a package with those files and the runtime dependencies.
- completions: the bash completion completes subcommands, options, rule codes and clients; the zsh one
  parses. For every command `gwlint --help` lists (and the second level of `scenario` and `mock`),
  every option of `gwlint CMD --help` is offered by the bash completion (asked), by the zsh
  completion's function for CMD, and is named in the man page's OPTIONS subsection for CMD; each
  command is in the man page's SYNOPSIS and COMMANDS.

Usage: test_integration.py --gwlint-dir DIR --build-dir DIR --source DIR [--cmake CMAKE] [--cpack CPACK]
       [--only NAME ...]
"""
import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback

import yaml

BAD_CONFIG = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai
  languageModel: azure|gpt-4o
"""
CLEAN_CONFIG = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai-eastus2
  languageModel: azure|chat-prod
"""


class Skip(Exception):
    pass


def run(cmd, cwd=None, env=None, input=None, timeout=180):
    return subprocess.run(cmd, cwd=cwd, env=env, input=input, capture_output=True, text=True, timeout=timeout)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += f"\n--- rc={result.returncode}\n--- stdout:\n{result.stdout}\n--- stderr:\n{result.stderr}"
        raise AssertionError(message)


def help_sections(text):
    """`gwlint ... --help` (CLI11) as {section title: [entry names]}: the first column of each
    entry line (two spaces in; wrapped descriptions are indented further)."""
    sections, current = {}, None
    for line in text.splitlines():
        heading = re.match(r"^(\w[\w ]*):$", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif current is not None and re.match(r"^  \S", line):
            current.append(line.split()[0])
    return sections


def help_options(gwlint, command):
    """Options of `gwlint COMMAND --help`: every name of each entry (`-o,--output` gives both)."""
    result = run([gwlint, *command.split(), "--help"])
    check(result.returncode == 0, f"gwlint {command} --help", result)
    options = []
    for entry in help_sections(result.stdout).get("Options", []):
        options += [name for name in entry.split(",") if re.fullmatch(r"--?[A-Za-z][\w-]*", name)]
    check(options, f"no options parsed from `gwlint {command} --help`", result)
    return options


def help_subcommands(gwlint, command=""):
    result = run([gwlint, *command.split(), "--help"])
    check(result.returncode == 0, f"gwlint {command} --help".replace("  ", " "), result)
    return help_sections(result.stdout).get("Subcommands", [])


def help_commands(gwlint):
    """Every command as typed: `lint`, ..., and `scenario run`, `mock serve` for command groups."""
    commands = []
    for name in help_subcommands(gwlint):
        nested = help_subcommands(gwlint, name)
        commands += [f"{name} {sub}" for sub in nested] if nested else [name]
    return commands


def man_sections(man, level):
    """{title: source text} of the man page's `.SH` (level "SH") or `.SS` sections."""
    parts = re.split(rf'^\.{level} +"?([^"\n]*?)"?\n', man, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def named(option, text):
    """`--out` or `-o` as a whole word of text (not `--output`, not `--out-file`)."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def hermetic_env(args, tmp):
    """PATH with the built gwlint first; git and pre-commit isolated from the user's config and cache."""
    env = dict(os.environ)
    env["PATH"] = args.gwlint_dir + os.pathsep + env.get("PATH", "")
    env["PRE_COMMIT_HOME"] = os.path.join(tmp, "pre-commit-home")
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"] = "gwlint test"
        env[f"GIT_{who}_EMAIL"] = "test@example.com"
    env.pop("NO_COLOR", None)
    env["TERM"] = "dumb"
    return env


def git(repo, env, *argv):
    result = run(["git", "-c", "init.defaultBranch=main", *argv], cwd=repo, env=env)
    check(result.returncode == 0, f"git {' '.join(argv)} failed", result)
    return result


# --- init ----------------------------------------------------------------------------------------


def test_init(args, tmp):
    gwlint = os.path.join(args.gwlint_dir, "gwlint")
    work = os.path.join(tmp, "init")
    os.makedirs(work)
    config = os.path.join(work, ".gwlint.yaml")

    result = run([gwlint, "init", "--help"], cwd=work)
    check(result.returncode == 0 and "--force" in result.stdout, "init --help", result)
    check(not os.path.exists(config), "init --help wrote a file")

    result = run([gwlint, "init"], cwd=work)
    check(result.returncode == 0, "first init should succeed", result)
    check(os.path.isfile(config), "init did not write .gwlint.yaml")
    text = open(config).read()
    for key in ("rules:", "include:", "exclude:", "models:", "deployments:", "baseline:"):
        check(key in text, f".gwlint.yaml lacks the key {key}")
    check("--no-project-config" in text, ".gwlint.yaml should say how it is read")
    yaml.safe_load(text)  # valid YAML, even with every key commented out
    check(sorted(os.listdir(work)) == [".gwlint.yaml"], f"stray files after init: {os.listdir(work)}")

    # stdout is a working .pre-commit-config.yaml, consistent with the published hook.
    snippet = yaml.safe_load(result.stdout)
    hook = snippet["repos"][0]["hooks"][0]
    check(snippet["repos"][0]["repo"] == "local", "the printed config should use the `local` repo form")
    published = yaml.safe_load(open(os.path.join(args.source, ".pre-commit-hooks.yaml")))[0]
    for key in ("id", "entry", "language", "files"):
        check(hook[key] == published[key], f"init's hook `{key}` differs from .pre-commit-hooks.yaml")
    check(".gwlint.yaml" in result.stderr, "init should say what it wrote (on stderr)", result)

    # A second run without --force: exit 2, the file left exactly as it was.
    with open(config, "a") as f:
        f.write("# edited by hand\n")
    before = open(config, "rb").read()
    result = run([gwlint, "init"], cwd=work)
    check(result.returncode == 2, "init over an existing .gwlint.yaml should exit 2", result)
    check("--force" in result.stderr, "the refusal should mention --force", result)
    check(open(config, "rb").read() == before, "init without --force changed .gwlint.yaml")
    check(sorted(os.listdir(work)) == [".gwlint.yaml"], f"stray files after refusal: {os.listdir(work)}")

    # A symlink (even dangling) counts as existing.
    link_dir = os.path.join(tmp, "init-link")
    os.makedirs(link_dir)
    os.symlink("nowhere", os.path.join(link_dir, ".gwlint.yaml"))
    result = run([gwlint, "init"], cwd=link_dir)
    check(result.returncode == 2, "init over a dangling symlink should exit 2", result)
    check(os.readlink(os.path.join(link_dir, ".gwlint.yaml")) == "nowhere", "the symlink was replaced")

    # --force rewrites it.
    result = run([gwlint, "init", "--force"], cwd=work)
    check(result.returncode == 0, "init --force should succeed", result)
    check(open(config).read() == text, "init --force should write the starter file again")
    check(sorted(os.listdir(work)) == [".gwlint.yaml"], f"stray files after --force: {os.listdir(work)}")

    # Unwritable directory: exit 2 with a message (root ignores permissions, so only as a user).
    if os.geteuid() != 0:
        locked = os.path.join(tmp, "init-locked")
        os.makedirs(locked)
        os.chmod(locked, stat.S_IRUSR | stat.S_IXUSR)
        try:
            result = run([gwlint, "init"], cwd=locked)
            check(result.returncode == 2 and "cannot" in result.stderr, "init in a read-only dir", result)
        finally:
            os.chmod(locked, stat.S_IRWXU)

    result = run([gwlint, "init", "--no-such-option"], cwd=work)
    check(result.returncode == 2, "an unknown option should exit 2", result)


# --- pre-commit ----------------------------------------------------------------------------------


def hook_regex_cases(args):
    hook = yaml.safe_load(open(os.path.join(args.source, ".pre-commit-hooks.yaml")))[0]
    files = re.compile(hook["files"])
    should = ["app-config.yaml", "app-config.production.yaml", "app-config.local.yml",
              "packages/backend/app-config.yaml", "ai.gateway.yaml", "conf/prod.gateway.yml", "x.gateway.json"]
    should_not = ["config.yaml", "my-app-config.yaml", "app-config.json", "gateway.yaml", "docs/app-config.md",
                  "app-config.yaml.bak", ".gwlint.yaml", ".pre-commit-config.yaml"]
    for name in should:
        check(files.search(name), f"hook `files` should match {name}")
    for name in should_not:
        check(not files.search(name), f"hook `files` should not match {name}")
    check(hook["id"] == "gwlint" and hook["language"] == "system", "hook id/language")
    check(hook["entry"] == "gwlint lint", "hook entry")
    check(hook.get("pass_filenames", True) is True, "hook should pass filenames")


def test_precommit(args, tmp):
    hook_regex_cases(args)
    if not shutil.which("pre-commit"):
        raise Skip("pre-commit is not installed (scripts/install-deps.sh installs Debian's `pre-commit`)")
    env = hermetic_env(args, tmp)

    # The hook repository: this checkout's .pre-commit-hooks.yaml committed on its own, so the test
    # checks the file as it is in the working tree, committed or not.
    hooks = os.path.join(tmp, "hook-repo")
    os.makedirs(hooks)
    shutil.copy(os.path.join(args.source, ".pre-commit-hooks.yaml"), hooks)
    git(hooks, env, "init", "-q")
    git(hooks, env, "add", ".pre-commit-hooks.yaml")
    git(hooks, env, "commit", "-q", "-m", "hooks")

    repo = os.path.join(tmp, "project")
    os.makedirs(os.path.join(repo, "conf"))
    git(repo, env, "init", "-q")

    def try_repo(*files):
        return run(["pre-commit", "try-repo", hooks, "gwlint", "--files", *files], cwd=repo, env=env)

    def write(name, text):
        with open(os.path.join(repo, name), "w") as f:
            f.write(text)
        git(repo, env, "add", name)

    write("app-config.yaml", BAD_CONFIG)
    result = try_repo("app-config.yaml")
    check(result.returncode == 1, "try-repo on a bad config should exit 1", result)
    check("AZ201" in result.stdout and "app-config.yaml:6:18" in result.stdout,
          "the pre-commit output should show the AZ201 finding", result)

    write("app-config.yaml", CLEAN_CONFIG)
    result = try_repo("app-config.yaml")
    check(result.returncode == 0, "try-repo on a clean config should exit 0", result)
    check("Passed" in result.stdout, "pre-commit should report the hook as Passed", result)

    # `files` picks gateway files and leaves other YAML alone.
    write("conf/prod.gateway.yml", BAD_CONFIG)
    write("conf/values.yaml", BAD_CONFIG)
    result = try_repo("conf/values.yaml")
    check(result.returncode == 0 and "no files to check" in result.stdout,
          "a file outside the hook's `files` should not be linted", result)
    result = try_repo("conf/values.yaml", "conf/prod.gateway.yml", "app-config.yaml")
    check(result.returncode == 1 and "conf/prod.gateway.yml:6:18" in result.stdout and "values.yaml" not in result.stdout,
          "only the gateway file should be linted and fail", result)
    git(repo, env, "rm", "-q", "--cached", "conf/prod.gateway.yml", "conf/values.yaml")
    os.remove(os.path.join(repo, "conf/prod.gateway.yml"))
    os.remove(os.path.join(repo, "conf/values.yaml"))

    # The way a project uses it: `gwlint init > .pre-commit-config.yaml`, `pre-commit install`,
    # then `git commit` is blocked by a bad config and goes through with a clean one.
    gwlint = os.path.join(args.gwlint_dir, "gwlint")
    result = run([gwlint, "init"], cwd=repo, env=env)
    check(result.returncode == 0, "gwlint init in the project", result)
    with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
        f.write(result.stdout)
    git(repo, env, "add", ".pre-commit-config.yaml", ".gwlint.yaml")
    result = run(["pre-commit", "install"], cwd=repo, env=env)
    check(result.returncode == 0, "pre-commit install", result)
    git(repo, env, "commit", "-q", "-m", "setup")  # app-config.yaml is the clean one here

    write("app-config.yaml", BAD_CONFIG)
    result = run(["git", "commit", "-m", "bad config"], cwd=repo, env=env)
    check(result.returncode != 0, "git commit of a bad config should be blocked", result)
    check("AZ201" in result.stdout + result.stderr, "the blocked commit should show AZ201", result)
    head = git(repo, env, "log", "--format=%s", "-1").stdout.strip()
    check(head == "setup", f"the bad commit went in (HEAD is {head!r})")

    write("app-config.yaml", CLEAN_CONFIG.replace("chat-prod", "chat-eu"))
    result = run(["git", "commit", "-m", "clean config"], cwd=repo, env=env)
    check(result.returncode == 0, "git commit of a clean config should pass", result)


# --- install and package -------------------------------------------------------------------------

INSTALLED = [
    "usr/bin/gwlint",
    "usr/share/man/man1/gwlint.1",
    "usr/share/bash-completion/completions/gwlint",
    "usr/share/zsh/vendor-completions/_gwlint",
    "usr/share/doc/gwlint/rules/AZ201.md",
    "usr/share/gwlint/schemas/app-config.schema.json",
]


def project_version(args):
    text = open(os.path.join(args.source, "CMakeLists.txt")).read()
    return re.search(r"project\(gwlint VERSION ([0-9.]+)", text).group(1)


def test_install(args, tmp):
    destdir = os.path.join(tmp, "destdir")
    env = dict(os.environ, DESTDIR=destdir)
    result = run([args.cmake, "--install", args.build_dir, "--prefix", "/usr"], env=env)
    check(result.returncode == 0, "cmake --install", result)
    for path in INSTALLED:
        check(os.path.isfile(os.path.join(destdir, path)), f"not installed: /{path}")
    rule_docs = sorted(os.listdir(os.path.join(args.source, "docs/rules")))
    installed_docs = sorted(os.listdir(os.path.join(destdir, "usr/share/doc/gwlint/rules")))
    check(rule_docs == installed_docs, "every docs/rules page should be installed")

    binary = os.path.join(destdir, "usr/bin/gwlint")
    version = project_version(args)
    result = run([binary, "--version"])
    check(result.returncode == 0 and version in result.stdout, "installed gwlint --version", result)
    man = open(os.path.join(destdir, "usr/share/man/man1/gwlint.1")).read()
    check(f'"gwlint {version}"' in man, f"man/gwlint.1 .TH should name version {version}")
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "FILES", "EXAMPLES"):
        check(f".SH {section}" in man, f"man page lacks section {section}")
    # Every lint option of this build is in the man page.
    options = set(re.findall(r"(--[a-z][a-z-]+)", run([binary, "lint", "--help"]).stdout)) - {"--help"}
    man_text = man.replace("\\-", "-")
    for option in sorted(options):
        check(option in man_text, f"man page does not document `lint {option}`")
    # And every option of every other command of this build (per section: see test_completions).
    man_words = re.sub(r"\\f[BIRP]", " ", man_text)
    for command in help_commands(binary):
        for option in help_options(binary, command):
            check(named(option, man_words), f"the installed man page does not name `{command} {option}`")
    if shutil.which("man"):
        result = run(["man", "--warnings", "-l", "-Tutf8", os.path.join(destdir, "usr/share/man/man1/gwlint.1")])
        check(result.returncode == 0 and "warning" not in result.stderr, "man page renders without warnings", result)

    if not args.cpack or not shutil.which("dpkg-deb"):
        print("  (cpack or dpkg-deb missing: .deb not checked)")
        return
    packages = os.path.join(tmp, "packages")
    result = run([args.cpack, "-G", "DEB", "-B", packages, "--config", os.path.join(args.build_dir, "CPackConfig.cmake")],
                 timeout=300)
    check(result.returncode == 0, "cpack -G DEB", result)
    debs = [f for f in os.listdir(packages) if f.endswith(".deb")]
    check(len(debs) == 1, f"expected one .deb, found {debs}")
    deb = os.path.join(packages, debs[0])
    check(debs[0].startswith(f"gwlint_{version}"), f"package file name {debs[0]}")
    listing = run(["dpkg-deb", "-c", deb]).stdout
    for path in INSTALLED:
        check(f"./{path}" in listing, f".deb lacks /{path}\n{listing}")
    depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
    for package in ("libc6", "libstdc++6", "libyaml-cpp0.7", "libfmt9"):
        check(package in depends, f".deb Depends lacks {package}: {depends}")
    # Every shared library the binary needs is one a dependency provides.
    if shutil.which("ldd") and shutil.which("dpkg-query"):
        needed = re.findall(r"^\s*(\S+\.so[.\d]*) => (/\S+)", run(["ldd", binary]).stdout, re.M)
        for library, path in needed:
            if re.match(r"lib[alt]san|libubsan", library):
                continue  # a sanitizer build (GWLINT_SANITIZE); release packages have none
            owner = ""
            real = os.path.realpath(path)
            # Debian's merged /usr: dpkg may know the file under /lib or /usr/lib.
            for candidate in dict.fromkeys([path, real, "/usr" + path, "/usr" + real, real.replace("/usr/", "/", 1)]):
                query = run(["dpkg-query", "-S", candidate])
                if query.returncode == 0:
                    owner = query.stdout.split(":")[0].split(",")[0].strip()
                    break
            if owner:
                check(owner in depends, f"{library} comes from {owner}, which is not in Depends: {depends}")


# --- completions ---------------------------------------------------------------------------------

BASH_PROBE = r"""
source "$1"
complete -p gwlint >/dev/null || { echo "no complete -F for gwlint"; exit 1; }
t() {
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _gwlint
  echo "${COMPREPLY[*]}"
}
t gwlint ""
t gwlint lint --f
t gwlint lint --format ""
t gwlint lint --fail-on w
t gwlint explain AZ20
t gwlint lint --select AZ201,SEC30
t gwlint lint --severity AZ201 = wa
t gwlint init --
t gwlint scenario ""
t gwlint mock ""
t gwlint scenario run --format ""
t gwlint scenario run --client builtin,ai
t gwlint scenario run --clients-dir "$2" --client ""
t gwlint scenario run --clients-dir = "$2" --client = builtin,m
t gwlint scenario run --color al
t gwlint import --format ""
t gwlint scenario run scenarios/bad-k
t gwlint mock serve --rec
t gwlint record --up
"""
BASH_PROBE_LINES = 19


def test_completions(args, tmp):
    env = hermetic_env(args, tmp)
    gwlint = os.path.join(args.gwlint_dir, "gwlint")
    bash_completion = os.path.join(args.source, "completions/gwlint.bash")
    commands = help_commands(gwlint)
    check({"lint", "rules", "explain", "init", "scenario run", "mock serve", "import"} <= set(commands),
          f"commands parsed from `gwlint --help`: {commands}")
    top_level = help_subcommands(gwlint)

    # A clients folder: two usable clients (run.mjs; an executable `run`), two that are not.
    clients = os.path.join(tmp, "clients")
    for name in ("mine", "exe", "common", "noexec"):
        os.makedirs(os.path.join(clients, name))
    open(os.path.join(clients, "mine", "run.mjs"), "w").close()
    for name in ("exe", "noexec"):
        open(os.path.join(clients, name, "run"), "w").close()
    os.chmod(os.path.join(clients, "exe", "run"), 0o755)

    # Asked from the source tree, so that `scenarios/` and `clients/` are there as in a checkout.
    probe = BASH_PROBE + "".join(f"t gwlint {command} -\n" for command in commands)
    result = run(["bash", "--norc", "--noprofile", "-c", probe, "probe", bash_completion, clients],
                 cwd=args.source, env=env)
    check(result.returncode == 0, "bash completion probe", result)
    lines = result.stdout.splitlines()
    check(len(lines) == BASH_PROBE_LINES + len(commands), "bash completion probe output", result)
    # The subcommands, in `gwlint --help` order. `record` may be offered before the binary has it
    # (the command and its completion land separately); nothing else may differ.
    offered = lines[0].split()
    check(offered[-2:] == ["--help", "--version"], "subcommands end with --help --version", result)
    check([word for word in offered[:-2] if word in top_level] == top_level
          and [word for word in offered[:-2] if word not in top_level] in ([], ["record"]),
          f"subcommands: gwlint --help lists {top_level}", result)
    if "record" not in top_level:
        print("  (gwlint has no `record` yet: its completion is not checked against --help)")
    check(set(lines[1].split()) == {"--format", "--fail-on", "--fix"}, "lint --f", result)
    check({"text", "json"} <= set(lines[2].split()), "lint --format values", result)
    check(lines[3] == "warning", "--fail-on values", result)
    check({"AZ201", "AZ202", "AZ207"} <= set(lines[4].split()), "explain rule codes from `gwlint rules`", result)
    check("AZ201,SEC301" in lines[5].split(), "comma separated rule lists", result)
    check(lines[6] == "warning", "--severity CODE=LEVEL", result)
    check(set(lines[7].split()) == {"--force", "--help"}, "init options", result)
    check(lines[8].split() == help_subcommands(gwlint, "scenario") + ["--help"], "scenario subcommands", result)
    check(lines[9].split() == help_subcommands(gwlint, "mock") + ["--help"], "mock subcommands", result)
    check(lines[10].split() == ["text", "json", "junit"], "scenario run --format values", result)
    check(set(lines[11].split()) == {"builtin,ai-sdk", "builtin,ai-sdk-latest"}, "--client list", result)
    check(set(lines[12].split()) == {"builtin", "ai-sdk", "ai-sdk-latest", "openai", "mine", "exe"},
          "--client: folders of --clients-dir with run.mjs or an executable run", result)
    check(lines[13] == "builtin,mine", "--clients-dir=DIR --client=LIST", result)
    check(lines[14] == "always", "scenario run --color values", result)
    check(lines[15].split() == ["yaml", "json"], "import --format values", result)
    check(lines[16] == "scenarios/bad-key.yaml", "scenario run completes scenario files", result)
    check(lines[17] == "--recording", "mock serve options", result)
    check(lines[18] == "--upstream", "record options", result)

    zsh_script = open(os.path.join(args.source, "completions/_gwlint")).read()
    check(zsh_script.startswith("#compdef gwlint"), "_gwlint should start with #compdef gwlint")
    man = open(os.path.join(args.source, "man/gwlint.1")).read()
    sections = man_sections(man, "SH")
    for title in ("SYNOPSIS", "COMMANDS", "OPTIONS", "EXIT STATUS", "FILES", "EXAMPLES", "SEE ALSO"):
        check(title in sections, f"man page lacks section {title}")
    # SYNOPSIS as words: request names, quotes and font escapes dropped (`.B gwlint` `.B lint`).
    synopsis = re.sub(r'^\.\w+ *|"|\\f[BIRP]', " ", sections["SYNOPSIS"], flags=re.M).replace("\\-", "-")
    synopsis = " ".join(synopsis.split())
    option_sections = {title: re.sub(r"\\f[BIRP]", " ", text).replace("\\-", "-")
                       for title, text in man_sections(sections["OPTIONS"], "SS").items()}
    # _describe entries: 'NAME:description'.
    for name in dict.fromkeys(top_level + ["record"]):
        check(re.search(rf"""^\s*['"]{name}:""", zsh_script, re.M), f"zsh completion does not offer the command {name}")
    for group in ("scenario", "mock"):
        for name in help_subcommands(gwlint, group):
            check(re.search(rf"""[('"]{name}:""", zsh_script), f"zsh completion does not offer `{group} {name}`")

    # Every option of every command: offered by bash (asked), by zsh (in the command's function),
    # and named in the man page (in the command's OPTIONS subsection).
    for index, command in enumerate(commands):
        options = help_options(gwlint, command)
        bash_offers = set(lines[BASH_PROBE_LINES + index].split())
        function = re.search(rf"^_gwlint-{command.replace(' ', '-')}\(\) {{\n(.*?)^}}", zsh_script, re.M | re.S)
        check(function, f"zsh completion has no function _gwlint-{command.replace(' ', '-')}")
        check(re.search(rf"\bgwlint {command}\b", synopsis), f"man page SYNOPSIS lacks `gwlint {command}`")
        check(re.search(rf'^\.TP\n\.B[IR]? +"?{command}\b', sections["COMMANDS"], re.M),
              f"man page COMMANDS lacks `{command}`")
        documented = [option for option in options if option not in ("-h", "--help")]
        if documented:
            check(command in option_sections, f"man page OPTIONS has no subsection for `{command}`")
        for option in options:
            if option != "-h":  # bash offers --help; -h would only clutter `-<TAB>`
                check(option in bash_offers, f"bash completion does not offer `{command} {option}`", result)
            check(named(option, function.group(1)), f"zsh completion does not offer `{command} {option}`")
            if option in documented:
                check(named(option, option_sections[command]), f"man page does not name `{command} {option}`")

    if shutil.which("zsh"):
        result = run(["zsh", "-n", os.path.join(args.source, "completions/_gwlint")])
        check(result.returncode == 0, "zsh -n _gwlint", result)
    else:
        print("  (zsh not installed: _gwlint syntax not checked)")
    if shutil.which("groff"):
        result = run(["groff", "-man", "-ww", "-z", os.path.join(args.source, "man/gwlint.1")])
        check(result.returncode == 0 and not result.stderr.strip(), "groff -man -ww: man page warnings", result)


TESTS = {"init": test_init, "precommit": test_precommit, "install": test_install, "completions": test_completions}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gwlint-dir", required=True, help="directory of the built gwlint")
    parser.add_argument("--build-dir", required=True, help="the cmake build directory (for --install, cpack)")
    parser.add_argument("--source", required=True)
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--cpack", default=shutil.which("cpack"))
    parser.add_argument("--only", nargs="*", choices=sorted(TESTS))
    args = parser.parse_args()
    args.gwlint_dir = os.path.abspath(args.gwlint_dir)

    failed = 0
    for name, test in TESTS.items():
        if args.only and name not in args.only:
            continue
        tmp = tempfile.mkdtemp(prefix=f"gwlint-integ-{name}-")
        try:
            test(args, tmp)
            print(f"PASS {name}")
        except Skip as skip:
            print(f"SKIP {name}: {skip}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(file=sys.stdout)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
