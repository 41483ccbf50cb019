# bash completion for gwlint. Installed as share/bash-completion/completions/gwlint; to try it
# from a checkout: `source completions/gwlint.bash`.

# Rule codes and names, asked from the gwlint being completed (once per shell).
_gwlint_rule_words() {
  if [[ -z ${_gwlint_rules_cache-} ]]; then
    _gwlint_rules_cache=$("$1" rules --format json 2>/dev/null |
      sed -n 's/^ *"\(code\|name\)": *"\([^"]*\)".*/\2/p' | tr '\n' ' ')
  fi
  printf '%s' "$_gwlint_rules_cache"
}

# COMPREPLY from a word list for a comma separated value (`--select AZ201,SE`).
_gwlint_complete_list() {
  local words=$1 cur=$2
  if [[ $cur == *,* ]]; then
    COMPREPLY=($(compgen -P "${cur%,*}," -W "$words" -- "${cur##*,}"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}

# COMPREPLY: files and directories (one per entry, spaces kept).
_gwlint_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY=($(compgen -f -- "$1"))
}

_gwlint_dirs() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY=($(compgen -d -- "$1"))
}

# Client names for `scenario run --client`: builtin, the adapters gwlint ships, and every folder of
# the clients directory (--clients-dir on the line, else ./clients) holding run.mjs or an
# executable `run`.
_gwlint_client_words() {
  local dir=$1 names="builtin ai-sdk ai-sdk-latest openai" entry name
  for entry in "$dir"/*/; do
    [[ -d $entry ]] || continue
    name=${entry%/}
    name=${name##*/}
    if [[ -f $entry/run.mjs || ( -f $entry/run && -x $entry/run ) ]] && [[ " $names " != *" $name "* ]]; then
      names+=" $name"
    fi
  done
  printf '%s' "$names"
}

_gwlint() {
  # Readline splits words at `=`; join them back so `--format=js` and `--severity AZ201=wa` are
  # single words. What we put in COMPREPLY replaces only the text after the last `=`.
  local -a words=()
  local i word
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) && [[ $word == "=" || ${words[-1]} == *= ]]; then
      words[-1]+=$word
    else
      words+=("$word")
    fi
  done
  local cur=${words[-1]} prev=""
  ((${#words[@]} > 1)) && prev=${words[-2]}
  if [[ $cur == --?*=* ]]; then
    prev=${cur%%=*}
    cur=${cur#*=}
  fi

  # The subcommand: the first word after `gwlint` that is not an option; for `scenario` and
  # `mock`, the next one names the second level (`scenario run`, `mock serve`).
  local command="" subcommand=""
  for ((i = 1; i < ${#words[@]} - 1; i++)); do
    case ${words[i]} in
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done
  if [[ $command == scenario || $command == mock ]]; then
    for ((i++; i < ${#words[@]} - 1; i++)); do
      case ${words[i]} in
        -*) ;;
        *) subcommand=${words[i]}; break ;;
      esac
    done
  fi

  local program=${COMP_WORDS[0]}
  case $command in
    "")
      COMPREPLY=($(compgen -W "lint rules explain init import scenario mock record audit --help --version" -- "$cur"))
      ;;
    lint)
      case $prev in
        --format) COMPREPLY=($(compgen -W "text json sarif junit github markdown" -- "$cur")); return 0 ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return 0 ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return 0 ;;
        --deployments | --baseline | --write-baseline) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        -o | --output) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        --select | --ignore) _gwlint_complete_list "$(_gwlint_rule_words "$program")" "$cur"; return 0 ;;
        --severity)
          if [[ $cur == *=* ]]; then
            COMPREPLY=($(compgen -W "off info warning error" -- "${cur#*=}"))
          else
            compopt -o nospace 2>/dev/null
            COMPREPLY=($(compgen -S "=" -W "$(_gwlint_rule_words "$program")" -- "$cur"))
          fi
          return 0
          ;;
        --today) COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return 0 ;;
        -j | --jobs) COMPREPLY=($(compgen -W "1 2 4 8 $(nproc 2>/dev/null)" -- "$cur")); return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help --format --output -o --fail-on --select --ignore --severity
                                 --today --check-env --no-project-config --merge --deployments --baseline --write-baseline --fix --diff --color --jobs -j" -- "$cur"))
      else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      ;;
    rules)
      if [[ $prev == --format ]]; then
        COMPREPLY=($(compgen -W "text json" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "--format --help" -- "$cur"))
      fi
      ;;
    explain)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$(_gwlint_rule_words "$program")" -- "$cur"))
      fi
      ;;
    init)
      COMPREPLY=($(compgen -W "--force -f --help" -- "$cur"))
      ;;
    scenario)
      case $subcommand in
        "") COMPREPLY=($(compgen -W "run --help" -- "$cur")) ;;
        run)
          case $prev in
            --format) COMPREPLY=($(compgen -W "text json junit" -- "$cur")); return 0 ;;
            --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return 0 ;;
            -o | --output | --conformance | --conformance-notes) _gwlint_files "$cur"; return 0 ;;
            --clients-dir) _gwlint_dirs "$cur"; return 0 ;;
            -j | --jobs) COMPREPLY=($(compgen -W "1 2 4 8 $(nproc 2>/dev/null)" -- "$cur")); return 0 ;;
            --time-scale) COMPREPLY=($(compgen -W "0 1" -- "$cur")); return 0 ;;
            --client-timeout-ms) COMPREPLY=($(compgen -W "60000" -- "$cur")); return 0 ;;
            --client-command) COMPREPLY=($(compgen -c -- "$cur")); return 0 ;;
            --client)
              local clients_dir=clients
              for ((i = 1; i < ${#words[@]} - 1; i++)); do
                case ${words[i]} in
                  --clients-dir) clients_dir=${words[i + 1]} ;;
                  --clients-dir=*) clients_dir=${words[i]#*=} ;;
                esac
              done
              _gwlint_complete_list "$(_gwlint_client_words "$clients_dir")" "$cur"
              return 0
              ;;
          esac
          if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --format --output -o --jobs -j --time-scale --client --clients-dir
                                     --client-command --client-timeout-ms --conformance --conformance-notes
                                     --check --verbose -v --quiet -q --color" -- "$cur"))
          else
            _gwlint_files "$cur"
          fi
          ;;
      esac
      ;;
    mock)
      case $subcommand in
        "") COMPREPLY=($(compgen -W "serve --help" -- "$cur")) ;;
        serve)
          case $prev in
            --recording) _gwlint_files "$cur"; return 0 ;;
            --port) COMPREPLY=($(compgen -W "0" -- "$cur")); return 0 ;;
            --host) COMPREPLY=($(compgen -W "127.0.0.1 ::1 0.0.0.0" -- "$cur")); return 0 ;;
            --time-scale) COMPREPLY=($(compgen -W "0 1" -- "$cur")); return 0 ;;
            --ignore-header) mapfile -t COMPREPLY < <(compgen -W "user-agent x-stainless-* traceparent x-ms-client-request-id" -- "$cur"); return 0 ;;
            --ignore-json) COMPREPLY=($(compgen -W "/user /stream_options" -- "$cur")); return 0 ;;
          esac
          COMPREPLY=($(compgen -W "--help --recording --port --host --time-scale --ignore-header --ignore-json" -- "$cur"))
          ;;
      esac
      ;;
    import)
      case $prev in
        -o | --out) _gwlint_files "$cur"; [[ - == "$cur"* ]] && COMPREPLY+=(-); return 0 ;;
        --format) COMPREPLY=($(compgen -W "yaml json" -- "$cur")); return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help --out -o --format --strict" -- "$cur"))
      else
        _gwlint_files "$cur"
      fi
      ;;
    record)
      case $prev in
        --upstream) COMPREPLY=($(compgen -W "https://" -- "$cur")); compopt -o nospace 2>/dev/null; return 0 ;;
        -o | --out | --ca-file) _gwlint_files "$cur"; return 0 ;;
        --listen) COMPREPLY=($(compgen -W "127.0.0.1:0" -- "$cur")); return 0 ;;
        --redact-json | --max-exchanges | --source) return 0 ;;
      esac
      COMPREPLY=($(compgen -W "--help --upstream --out -o --listen --ca-file --redact-json --max-exchanges --source" -- "$cur"))
      ;;
    audit)
      case $prev in
        -o | --out) _gwlint_dirs "$cur"; return 0 ;;
        --deployments | --baseline) _gwlint_files "$cur"; return 0 ;;
        --scenarios) _gwlint_dirs "$cur"; return 0 ;;
        --today) COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return 0 ;;
        -j | --jobs) COMPREPLY=($(compgen -W "1 2 4 8 $(nproc 2>/dev/null)" -- "$cur")); return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help --out -o --deployments --scenarios --baseline --today --quiet -q
                                 --no-project-config --jobs -j" -- "$cur"))
      else
        _gwlint_files "$cur"
      fi
      ;;
  esac
  return 0
}

complete -F _gwlint gwlint
