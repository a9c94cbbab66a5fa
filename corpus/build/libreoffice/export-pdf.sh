#!/bin/sh
# Exports every DOCX corpus case to PDF with LibreOffice, as an organisation
# that "saves as PDF" from Writer would publish it:
#   corpus/docx-<rest>/input.docx -> corpus/pdf-lo-<rest>/input.pdf
#   corpus/lo-<rest>/input.docx   -> corpus/pdf-lo-<rest>/input.pdf
# and copies the case's expected.json unchanged (it is the same document).
#
#   sh corpus/build/libreoffice/export-pdf.sh [corpus-dir]
#
# Cases listed in SKIP are not exported: their PDF visibly shows something
# the DOCX expectation does not (see README.md in this folder).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
corpus=$(cd "${1:-$here/../..}" && pwd)

# docx-tracked-changes-comments: Writer prints tracked deletions (struck
# through) and insertions (underlined) in the PDF, so deleted answer text is
# visible there while expected.json drops it.
SKIP="docx-tracked-changes-comments"

command -v soffice >/dev/null 2>&1 || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/export-pdf.XXXXXX")
# A private profile: runs beside any other soffice without touching its settings.
profile="file://$work/profile"
trap 'rm -rf "$work"' EXIT INT TERM

seen=""
for src in "$corpus"/docx-*/input.docx "$corpus"/lo-*/input.docx; do
  [ -f "$src" ] || continue
  case_dir=$(dirname "$src")
  name=$(basename "$case_dir")
  case " $SKIP " in *" $name "*) echo "skip $name"; continue ;; esac
  rest=${name#docx-}
  rest=${rest#lo-}
  case " $seen " in *" $rest "*) echo "two cases export to pdf-lo-$rest" >&2; exit 1 ;; esac
  seen="$seen $rest"
  out="$corpus/pdf-lo-$rest"
  mkdir -p "$work/$name" "$out"
  soffice "-env:UserInstallation=$profile" --headless --norestore \
    --convert-to pdf --outdir "$work/$name" "$src" >/dev/null 2>&1
  [ -s "$work/$name/input.pdf" ] || { echo "conversion failed: $src" >&2; exit 1; }
  mv "$work/$name/input.pdf" "$out/input.pdf"
  cp "$case_dir/expected.json" "$out/expected.json"
  echo "$out $(wc -c <"$out/input.pdf") bytes"
done
