#!/usr/bin/env bash
# Installs the Debian 12 packages gwlint needs to build and test, when any is missing.
# Idempotent: a machine that has them all runs no apt-get at all.
set -euo pipefail

packages=(
  g++ make cmake pkg-config ccache
  libyaml-cpp-dev libvalijson-dev nlohmann-json3-dev libcli11-dev libfmt-dev catch2
  libcpp-httplib-dev libboost-dev libboost-filesystem-dev libssl-dev openssl curl libkainjow-mustache-dev
  python3 python3-yaml python3-jsonschema libxml2-utils
  pre-commit git zsh
  clang-14 libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
