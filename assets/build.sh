#!/usr/bin/env bash
# Rebuild the committed GOV.UK Frontend assets. Run by a developer when upgrading
# govuk-frontend, never at install time (the machines have no npm step in `make`).
# govuk-frontend must match govuk-frontend-jinja's supported version (see its README).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp "$here/frontdoor.scss" "$work/fd.scss"
cd "$work"
npm init -y >/dev/null
npm install --silent govuk-frontend@6.3.0 sass axe-core@4.10
npx sass --style=compressed --no-source-map --load-path=. fd.scss "$here/../frontdoor/static/frontdoor/frontdoor.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$here/../frontdoor/static/govuk/"
cp node_modules/axe-core/axe.min.js "$here/../tests/vendor/axe.min.js"
