#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz --plain` asks the same questions as the wizard, one per prompt, and
# a here-document can walk a whole flow: the transcript is plain text, the
# invalid answer is read back with its reason and asked again, evidence is
# checked, and `ipwiz show` has every answer afterwards.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

# A 20×20 PNG, so the invoice passes the evidence check.
printf '\211\120\116\107\015\012\032\012\000\000\000\015\111\110\104\122\000\000\000\024\000\000\000\024\010\002\000\000\000\002\353\212\132\000\000\000\033\111\104\101\124\170\234\143\370\317\300\100\066\042\137\347\250\346\121\315\243\232\107\065\123\105\063\000\061\315\216\200\062\231\252\011\000\000\000\000\111\105\116\104\256\102\140\202' >"$T/invoice scan.png"
echo "not a document" >"$T/notes.txt"

"$IPWIZ" --plain new core-test --title "Shop 1" >"$T/out" 2>"$T/err" <<EOF
AB 12
AB-12
2026-11-20
3
2
P-77
li@example.com
25
2 1
add
https://shop.example/1
spare part

$T/invoice
$T/notes.txt
'$T/invoice scan.png'
remove 1

yes
Li Wei

EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain walk: exit $rc (stderr: $(cat "$T/err"))"
[ -s "$T/err" ] && fail "plain walk wrote to stderr: $(cat "$T/err")"

sed "s|$T|T|g" "$T/out" >"$T/transcript"
cat >"$T/expected" <<'EOF'
ipwiz, line by line. Type your answer after each question and press Enter; Enter alone keeps the answer shown; ? gives help and the commands.
Case 1 started: Shop 1

Step 1 of 3: The complaint
Copy these from the complaint notice.
Complaint number (required)
> AB 12
Not accepted: Use letters, digits and dashes only, as in the notice.
It is kept as a draft. Type a new answer, or skip to fix it later.
Complaint number (required)
> AB-12
Date you received the complaint (required)
Write the date as year-month-day, for example 2026-11-24.
> 2026-11-20
Which right is claimed? (required)
  1. Trademark
  2. Patent
Type the number of your choice.
> 3
“3” is not one of the choices: type a number from 1 to 2.
Which right is claimed? (required)
> 2
Patent number (required)
> P-77
Your e-mail
> li@example.com
Pieces bought
> 25

Step 2 of 3: The listings
Grounds (required)
  1. Genuine goods
  2. Authorised
Type the numbers of every choice that applies, separated by spaces or commas.
> 2 1
Complained listings (required)
No items yet.
Type add for a new item, edit N to change one, remove N to take one off, or press Enter to go on.
> add
Item 1 of Complained listings
Listing URL (required)
> https://shop.example/1
Note
> spare part
  1. https://shop.example/1 — spare part
Type add for a new item, edit N to change one, remove N to take one off, or press Enter to go on.
> 
Purchase invoice (required)
It proves: You bought genuine goods
Accepted files: a PDF document, a JPEG image, a PNG image.
Largest file: 8.0 MB.
Files: 1 to 3.
No file attached yet.
Type the path of a file to attach, remove N to take one off, or press Enter to go on.
> T/invoice
There is no file “T/invoice”. Nothing was attached.
In T, the names that begin with “invoice” are:
  invoice scan.png
No file attached yet.
Type the path of a file to attach, remove N to take one off, or press Enter to go on.
> T/notes.txt
The file is rejected. This file is a plain text file; this field takes only PDF, JPEG or PNG files.
What to do: Open it in Word, WPS or LibreOffice and save it as PDF (File → Save As → PDF), then attach the PDF.
It stays in the list marked rejected until you remove it: attach a better file, then type remove and its number.
  1. T/notes.txt: rejected. This file is a plain text file; this field takes only PDF, JPEG or PNG files.
Type the path of a file to attach, remove N to take one off, or press Enter to go on.
> 'T/invoice scan.png'
The file is accepted. This is a PNG image of 84 bytes (20 × 20 pixels).
  1. T/notes.txt: rejected. This file is a plain text file; this field takes only PDF, JPEG or PNG files.
  2. T/invoice scan.png: accepted. This is a PNG image of 84 bytes (20 × 20 pixels).
Type the path of a file to attach, remove N to take one off, or press Enter to go on.
> remove 1
File 1 is taken off.
  1. T/invoice scan.png: accepted. This is a PNG image of 84 bytes (20 × 20 pixels).
Type the path of a file to attach, remove N to take one off, or press Enter to go on.
> 

Step 3 of 3: Declaration
Truthfulness statement (required)
The statement:
  I declare that the information above is true.
Do you affirm this statement? (required)
Answer yes to affirm it, or no.
> yes
Type your full name as your signature (required)
> Li Wei

Review of case 1: Shop 1
Step 1 of 3: The complaint
  Complaint number: AB-12
  Date you received the complaint: 2026-11-20
  Which right is claimed?: Patent
  Patent number: P-77
  Your e-mail: li@example.com
  Pieces bought: 25
Step 2 of 3: The listings
  Grounds: Genuine goods, Authorised
  Complained listings: 1 item
    1. Listing URL: https://shop.example/1
    1. Note: spare part
  Purchase invoice:
    1. T/invoice scan.png: accepted. This is a PNG image of 84 bytes (20 × 20 pixels).
Step 3 of 3: Declaration
  Truthfulness statement: Yes
  Signed by: Li Wei
Every required answer is given and every check passed.
Make the documents and the evidence package with: ipwiz export 1

Texts to paste into the platform's form:

Counter-notice statement
Paste it into: Reason for appeal
--- text begins ---
Complaint AB-12 received on 2026-11-20 (Patent).
Patent P-77.
1. https://shop.example/1
Contact: li@example.com. Pieces: 25. Grounds: Genuine goods, Authorised.
Signed: Li Wei
--- text ends ---
Type a step number to change its answers, texts to read the texts to paste, back for the last question, or press Enter to finish.
> 
Your answers are saved. Go on later with: ipwiz open 1
EOF
diff -u "$T/expected" "$T/transcript" >&2 || fail "the transcript differs from the expected one"

# Nothing but text: no escape sequences, no carriage returns.
if LC_ALL=C grep -q "$(printf '[\033\r]')" "$T/out"; then
	fail "the transcript has escape sequences or carriage returns"
fi

run show 1 --json
expect_rc 0 "show --json"
expect_in "$out" '"complaint_number":"AB-12"'
expect_in "$out" '"notice_date":"2026-11-20"'
expect_in "$out" '"ip_type":"patent"'
expect_in "$out" '"patent_number":"P-77"'
expect_in "$out" '"grounds":"genuine\nauthorised"'
expect_in "$out" '"products.1.url":"https://shop.example/1"'
expect_in "$out" '"truth":"yes"'
expect_in "$out" '"truth.name":"Li Wei"'
expect_in "$out" '"verdict":"ok"'
expect_in "$out" '"issues":[]'
expect_not_in "$out" 'notes.txt' "the removed file"

finish
