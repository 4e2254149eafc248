# Sourced by the nernst and nernst-ui launcher scripts: finds Java 25+ and the Equinox launcher jar
# (the native Eclipse launcher is not available from Maven Central, so the scripts start Java).
# Sets: java, launcher. Expects: home (the product folder), tool (the script's name, for messages).
java=""
for j in "${NERNST_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
         $(ls -d /usr/lib/jvm/*-2[5-9]*/bin/java 2>/dev/null) "$(command -v java || true)"; do
  [ -n "$j" ] && [ -x "$j" ] || continue
  # the JDK's release file names its version; asking the JVM itself would cost a JVM start (~70 ms)
  home_j="$(cd "$(dirname "$(readlink -f "$j")")/.." && pwd)"
  v=""
  [ -f "$home_j/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home_j/release")
  [ -n "$v" ] || v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  [ "${v%%.*}" -ge 25 ] 2>/dev/null && { java="$j"; break; }
done
[ -n "$java" ] || { echo "$tool: Java 25 or newer is needed (set NERNST_JAVA or JAVA_HOME)" >&2; exit 127; }
launcher=$(ls "$home"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
