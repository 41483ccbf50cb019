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

  # The subcommand: the first word after `gwlint` that is not an option.
  local command=""
  for ((i = 1; i < ${#words[@]} - 1; i++)); do
    case ${words[i]} in
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done

  local program=${COMP_WORDS[0]}
  case $command in
    "")
      COMPREPLY=($(compgen -W "lint rules explain init --help --version" -- "$cur"))
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
      COMPREPLY=($(compgen -W "--force --help" -- "$cur"))
      ;;
  esac
  return 0
}

complete -F _gwlint gwlint
