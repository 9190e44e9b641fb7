#!/usr/bin/env bash
# Renders a demo account's QBR deck to PNGs for a look (not run in CI): the PPTX through LibreOffice, and the PDF
# as Bearing writes it, one PNG per slide / page.
#
#   scripts/render-deck.sh [ACCOUNT_NAME] [QUARTER]      e.g. scripts/render-deck.sh "Lumenwick Energy" 2026Q3
#
# Needs: libreoffice (or soffice) and pdftoppm. On Debian/Ubuntu:
#   apt-get install -y libreoffice-impress poppler-utils fonts-crosextra-carlito
# (Carlito is metric-compatible with Calibri, the deck's font; without it LibreOffice substitutes a wider font and
# text wraps where PowerPoint's would not.)
# BEARING_DATA_DIR is honoured; without it a fresh temporary store with the demo book is used. OUT sets the folder.
set -euo pipefail

account_name="${1:-Lumenwick Energy}"
quarter="${2:-}"
out="${OUT:-/tmp/bearing-deck-render}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

office="$(command -v libreoffice || command -v soffice || true)"
if [[ -z "$office" ]] || ! command -v pdftoppm >/dev/null; then
  echo "render-deck: needs libreoffice and pdftoppm (apt-get install -y libreoffice-impress poppler-utils fonts-crosextra-carlito)" >&2
  exit 2
fi

export BEARING_DATA_DIR="${BEARING_DATA_DIR:-$(mktemp -d /tmp/bearing-render-data-XXXXXX)}"
cli() { npm --prefix "$project" run -s cli -- "$@"; }

if [[ "$(cli accounts --json --search "$account_name")" == "[]" ]]; then
  echo "Loading the demo book into $BEARING_DATA_DIR …" >&2
  cli demo >&2
fi
account_id="$(cli accounts --json --search "$account_name" | node -e 'const a = JSON.parse(require("fs").readFileSync(0, "utf8")); if (!a.length) process.exit(1); console.log(a[0].id)')" || {
  echo "render-deck: no account named like \"$account_name\"" >&2
  exit 1
}

rm -rf "$out" && mkdir -p "$out/pptx" "$out/pdf"
quarter_flag=()
[[ -n "$quarter" ]] && quarter_flag=(--quarter "$quarter")
cli deck --account "$account_id" ${quarter_flag[@]+"${quarter_flag[@]}"} --out "$out/deck.pptx" >/dev/null
cli deck --account "$account_id" ${quarter_flag[@]+"${quarter_flag[@]}"} --out "$out/deck.pdf" >/dev/null

# A private LibreOffice profile, so a desktop LibreOffice that is open does not swallow the conversion.
"$office" -env:UserInstallation="file://$out/lo-profile" --headless --convert-to pdf --outdir "$out/pptx" "$out/deck.pptx" >/dev/null
pdftoppm -png -r 80 "$out/pptx/deck.pdf" "$out/pptx/slide"
pdftoppm -png -r 80 "$out/deck.pdf" "$out/pdf/page"

echo "Deck of account $account_id (\"$account_name\") rendered:"
echo "  PPTX via LibreOffice: $out/pptx/slide-*.png ($(ls "$out"/pptx/slide-*.png | wc -l) slides)"
echo "  PDF as written:       $out/pdf/page-*.png ($(ls "$out"/pdf/page-*.png | wc -l) pages)"
