#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Ctrl-E in a textarea hands the text to $EDITOR and takes the edited text
# back (the terminal given back to the wizard afterwards); an editor that
# fails leaves the text as it was and says so.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

cat >"$T/editor.sh" <<'SH'
#!/bin/sh
printf '%s\n' "补充：发票编号 INV-7" >>"$1"
SH
printf '#!/bin/sh\nexit 3\n' >"$T/broken-editor.sh"
chmod +x "$T/editor.sh" "$T/broken-editor.sh"

TUI_ENV="EDITOR=$T/editor.sh" start new ui-widgets
wait_for "▸ The complaint's reason"
type_text "They say the logo is copied."
keys C-e
wait_for "The text from the editor is in the field."
expect_on_screen "[补充：发票编号 INV-7"
expect_on_screen "[They say the logo is copied."
keys Tab
wait_for "▸ Shop name"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
ipwiz show 1
case "$out" in
*"They say the logo is copied."*"补充：发票编号 INV-7"*) ;;
*) fail "the edited text was not saved: $out" ;;
esac

TUI_ENV="EDITOR=$T/broken-editor.sh" start open 1
wait_for "▸ The complaint's reason"
keys C-e
wait_for "did not finish well"
expect_on_screen "[补充：发票编号 INV-7"
keys F10
wait_exit
finish
