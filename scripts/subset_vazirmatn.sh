#!/usr/bin/env bash
# Rebuild the self-hosted Persian font subsets in overrides/assets/fonts/ from the
# Vazirmatn package on npm (OFL-1.1). Only the Persian letters, digits and marks the
# site uses are kept (~13 KB per weight); Latin text uses the reader's system font.
# The printable handouts embed their own fonts (a PDF cannot rely on the reader's), so a
# second subset with Latin letters too goes to doclocale/handouts/assets/fonts/ (not served).
# Needs: npm, and `pip install fonttools brotli` in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
(cd "$work" && npm pack --silent vazirmatn@33.0.3 >/dev/null && tar xzf vazirmatn-*.tgz)
ranges="U+0020-0021,U+0025,U+0028-0029,U+002A,U+002C-002F,U+003A,U+00A0,U+00AB,U+00BB,U+060C,U+061B,U+061F,U+0621-063A,U+0640-0652,U+0654-0655,U+066A-066C,U+0670,U+067E,U+0686,U+0698,U+06A9,U+06AF,U+06BE,U+06C0-06C1,U+06CC,U+06F0-06F9,U+200C-200F,U+2026"
for weight in Regular Bold; do
  .venv/bin/pyftsubset "$work/package/fonts/webfonts/Vazirmatn-$weight.woff2" --unicodes="$ranges" \
    --flavor=woff2 --layout-features='*' --output-file="overrides/assets/fonts/Vazirmatn-$weight-fa.woff2"
done
print="$ranges,U+0022-0024,U+0026-0027,U+002B,U+0030-0039,U+003B-007E,U+00A1-00FF,U+2010-2015,U+2018-201F,U+2022,U+2030,U+2039-203A,U+2190-2193,U+2212"
for weight in Regular Bold; do
  .venv/bin/pyftsubset "$work/package/fonts/webfonts/Vazirmatn-$weight.woff2" --unicodes="$print" \
    --flavor=woff2 --layout-features='*' --output-file="doclocale/handouts/assets/fonts/Vazirmatn-$weight-print.woff2"
done
cp "$work/package/OFL.txt" overrides/assets/fonts/Vazirmatn-OFL.txt
cp "$work/package/OFL.txt" doclocale/handouts/assets/fonts/Vazirmatn-OFL.txt
rm -rf "$work"
ls -l overrides/assets/fonts/ doclocale/handouts/assets/fonts/
