#!/usr/bin/env bash
# Checks our EPCIS Event Hash ID against a LOCAL checkout of published examples (e.g. the tests/examples folder of
# a git clone of the GS1 event-hash reference implementation): every *.jsonld with a sibling *.hashes file.
# Not run by CI; nothing is copied into the project. Usage: infra/epcis/check-published-examples.sh <directory>
set -euo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 <directory with *.jsonld and *.hashes files>" >&2
  exit 2
fi
examples="$(cd "$1" && pwd)"
cd "$(dirname "$0")/../.."
source bin/env.sh
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# Compiles the domain and the JSON bridge and writes the bridge's runtime classpath (Jackson, commons-codec, domain).
mvn -q -B -ntp compile dependency:build-classpath -pl adapters/json -am \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file"
exec "$JAVA_HOME/bin/java" -cp "adapters/json/target/classes:domain/target/classes:$(cat "$cp_file")" \
  infra/epcis/CheckPublishedExamples.java "$examples"
