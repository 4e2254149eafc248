#!/usr/bin/env bash
# Installs the system packages Nernst needs that a fresh Debian machine lacks (idempotent):
#   libopenblas-dev  OpenBLAS/LAPACK, which Smile 6 calls through the Java FFM API
#   xvfb xauth       a virtual display for the workbench tests
#   libgtk-3-0       GTK 3 for SWT
#   maven            only to fetch the pinned Maven for ./mvnw when it is not cached yet
set -euo pipefail
need=()
dpkg -s libopenblas-dev >/dev/null 2>&1 || need+=(libopenblas-dev)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || need+=(libgtk-3-0)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
command -v xauth >/dev/null 2>&1 || need+=(xauth)
command -v mvn >/dev/null 2>&1 || [ -x "$HOME/.m2/wrapper/dists/apache-maven-3.9.16/bin/mvn" ] || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-machine: installing ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if ! ls -d /usr/lib/jvm/temurin-2[5-9]* >/dev/null 2>&1 && ! ls -d /usr/lib/jvm/*-2[5-9]* >/dev/null 2>&1; then
  echo "setup-machine: no Java 25 JDK under /usr/lib/jvm; install one (e.g. Temurin 25) and set javaHome in .mvn/wrapper/maven-wrapper.properties" >&2
  exit 1
fi
