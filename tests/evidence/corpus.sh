# SPDX-License-Identifier: GPL-3.0-or-later
# tests/evidence/corpus.sh — where the public evidence corpus is: the folder
# IPWIZ_EVIDENCE_CORPUS names, else ../shared/corpora/evidence-public beside
# the source tree, else /work/shared/corpora/evidence-public. It is never
# copied into the tree. Sets $corpus, or leaves it empty.
corpus=
for d in "${IPWIZ_EVIDENCE_CORPUS:-}" "$IPWIZ_SRCDIR/../shared/corpora/evidence-public" \
	/work/shared/corpora/evidence-public; do
	if [ -n "$d" ] && [ -d "$d/files" ] && [ -f "$d/reference.tsv" ]; then
		corpus=$d
		break
	fi
done
