#!/usr/bin/env bash
# Builds the image of every deployable module (stack.properties: services) with podman or docker:
#   deploy/image/build-images.sh                      # localhost/huduma/<module>:<project version>
#   REGISTRY=registry.example.go.tz/huduma TAG=1.0.0 PUSH=1 deploy/image/build-images.sh
# BASE_IMAGE overrides the JRE base (default eclipse-temurin:17-jre); SKIP_PACKAGE=1 reuses built jars;
# MODULES="gateway identity" builds only those.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

engine=${ENGINE:-$(command -v podman || command -v docker || true)}
[[ -n $engine ]] || { echo "build-images.sh: neither podman nor docker is installed" >&2; exit 1; }
read -r -a modules <<< "${MODULES:-$(sed -n 's/^services=//p' stack.properties)}"
registry=${REGISTRY:-localhost/huduma}
tag=${TAG:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}

if [[ ${SKIP_PACKAGE:-0} != 1 ]]; then
  modules_csv=$(IFS=,; echo "${modules[*]}")
  ./mvnw -B -q -DskipTests package -pl "$modules_csv" -am
fi
for module in "${modules[@]}"; do
  image="$registry/$module:$tag"
  "$engine" build -f deploy/image/Dockerfile --build-arg "MODULE=$module" \
    ${BASE_IMAGE:+--build-arg "BASE_IMAGE=$BASE_IMAGE"} -t "$image" "$module/target"
  [[ ${PUSH:-0} == 1 ]] && "$engine" push "$image"
  echo "built $image"
done
