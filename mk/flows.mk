# SPDX-License-Identifier: GPL-3.0-or-later
# flows area: the shipped flows (installed to $(pkgdatadir)/flows), the
# command-line tests that walk each of them, and their sample answers.
dist_flows_DATA += \
	data/flows/alibaba-counter-notice.yaml \
	data/flows/ipp-complaint.yaml \
	data/flows/dmca-counter-notice.yaml \
	data/flows/taobao-appeal.yaml

# Each shipped flow walked from the command line (answers in tests/fixtures/answers).
TESTS += \
	tests/cli/flow_alibaba_asks_who_the_seller_is.sh \
	tests/cli/flow_alibaba_catches_failing_evidence.sh \
	tests/cli/flow_each_walks_to_export.sh \
	tests/cli/flow_alibaba_deadlines_follow_the_chance.sh \
	tests/cli/flow_alibaba_exports_counter_notices_only.sh \
	tests/cli/flow_dmca_signature_is_the_full_name.sh \
	tests/cli/flow_ipp_checks_the_complaint_package.sh \
	tests/cli/flow_ipp_keeps_the_three_packages_apart.sh \
	tests/cli/flow_ipp_refuses_a_reason_or_address_that_does_not_fit.sh \
	tests/cli/flow_ipp_agent_names_the_right_holder_and_art43.sh \
	tests/cli/flow_strings_speak_each_language.sh
EXTRA_DIST += doc/glossary.md
