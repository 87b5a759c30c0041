#!/bin/sh
# Vendor the dashboard's and the API docs' JavaScript libraries from npm into the package, so that the server
# works offline: `npm ci` in web/ (the versions pinned by web/package-lock.json), then copy each library's
# minified build and its licence into src/dyad/serve/static/vendor/<library>/ and write MANIFEST.json there
# (library, version, licence, files). The copied files are committed: `make test` and `pip install` need no
# npm; run `make vendor` after changing web/package.json to refresh them.
set -eu

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WEB="$ROOT/web"
DEST="$ROOT/src/dyad/serve/static/vendor"
MODULES="$WEB/node_modules"

(cd "$WEB" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

rm -rf "$DEST"
mkdir -p "$DEST"

# library  files (relative to node_modules/<library>)  licence file (relative to node_modules)
copy() {
    library="$1"; licence="$2"; shift 2
    mkdir -p "$DEST/$library"
    for file in "$@"; do
        cp "$MODULES/$library/$file" "$DEST/$library/$(basename "$file")"
    done
    cp "$MODULES/$licence" "$DEST/$library/LICENSE"
}

copy cytoscape cytoscape/LICENSE dist/cytoscape.min.js
copy swagger-ui-dist swagger-ui-dist/LICENSE swagger-ui-bundle.js swagger-ui.css swagger-ui-bundle.js.LICENSE.txt
cp "$MODULES/swagger-ui-dist/NOTICE" "$DEST/swagger-ui-dist/NOTICE"
copy redoc redoc/LICENSE bundles/redoc.standalone.js bundles/redoc.standalone.js.LICENSE.txt

# Source-map references (the last line of a bundle) point at files not copied: drop them, so that
# browsers do not ask for them.
for file in "$DEST"/*/*.js "$DEST"/*/*.css; do
    sed -i -e '$ s|^//# sourceMappingURL=.*$||' -e '$ s|/\*# sourceMappingURL=[^*]*\*/$||' "$file"
done

# Redoc's side menu shows a logo from its CDN: the server works offline, so the logo is left out (an empty
# image in its place); nothing else in these builds loads from outside.
sed -i 's|"https://cdn.redoc.ly/redoc/logo-mini.svg"|"data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E"|' \
    "$DEST/redoc/redoc.standalone.js"

node - "$MODULES" "$DEST" <<'JS'
const fs = require("fs");
const path = require("path");
const [modules, dest] = process.argv.slice(2);
const manifest = {};
for (const library of fs.readdirSync(dest).sort()) {
  const folder = path.join(dest, library);
  if (!fs.statSync(folder).isDirectory()) continue;
  const pkg = JSON.parse(fs.readFileSync(path.join(modules, library, "package.json"), "utf8"));
  manifest[library] = { version: pkg.version, license: pkg.license, homepage: pkg.homepage || null,
    files: fs.readdirSync(folder).sort() };
}
fs.writeFileSync(path.join(dest, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
JS
echo "vendored into $DEST:"
ls "$DEST"
