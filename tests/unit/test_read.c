/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read.c — a document's text read as a reviewer reads it: every date
 * form sellers' documents use (and no impossible date), quantities, names
 * found exactly or nearly, the language; then the judge over documents
 * whose date, buyer and quantity differ from the answers, with its exact
 * keys and sentences in English and Chinese. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"
#include "evidence/evidence_look.h"
#include "evidence/evidence_read.h"
#include "flow/flow.h"

/* The dates of text as "iso[/alt][!]" joined by spaces ("!": ends a validity). */
static char *dates_of(const char *text, enum evidence_read_order order)
{
	char *norm = evidence_read_normalise(text, strlen(text));
	struct evidence_read_date d[16];
	size_t n = evidence_read_dates(norm, order, d, 16);
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&b, "%s%s%s%s%s", i ? " " : "", d[i].iso, d[i].alt[0] ? "/" : "",
			    d[i].alt, d[i].until ? "!" : "");
	free(norm);
	return strbuf_detach(&b);
}

#define assert_dates(text, order, expect)                                                          \
	do {                                                                                       \
		char *got_ = dates_of(text, order);                                                \
		if (strcmp(got_, expect) != 0)                                                     \
			fail_msg("dates of “%s”:\n  got:      “%s”\n  expected: “%s”", text, got_, \
				 expect);                                                          \
		free(got_);                                                                        \
	} while (0)

static void every_date_form_is_read(void **state)
{
	(void)state;
	static const struct {
		const char *text, *iso;
	} forms[] = {
	    {"开票日期：2026年9月1日", "2026-09-01"},
	    {"日期 2026 年 9 月 1 日", "2026-09-01"},
	    {"２０２６年０９月０１日", "2026-09-01"},
	    {"2026年09月01号", "2026-09-01"},
	    {"Date: 2026-09-01", "2026-09-01"},
	    {"2026/9/1", "2026-09-01"},
	    {"2026.09.01", "2026-09-01"},
	    {"2026-Sep-01", "2026-09-01"},
	    {"13/09/2026", "2026-09-13"},
	    {"09/13/2026", "2026-09-13"},
	    {"01.09.2026", "2026-09-01"},
	    {"1 Sep 2026", "2026-09-01"},
	    {"1 September 2026", "2026-09-01"},
	    {"01-SEP-2026", "2026-09-01"},
	    {"1st of September, 2026", "2026-09-01"},
	    {"September 1, 2026", "2026-09-01"},
	    {"Sep. 1st 2026", "2026-09-01"},
	    {"1 Agustus 2026", "2026-08-01"},
	    {"17 Agu 2026", "2026-08-17"},
	    {"1 Mei 2026", "2026-05-01"},
	    {"5 Okt 2026", "2026-10-05"},
	    {"31 Des 2026", "2026-12-31"},
	    {"Jakarta, 2 Pebruari 2026", "2026-02-02"},
	    {"二〇二六年九月一日", "2026-09-01"},
	    {"二〇二六年十二月三十一日", "2026-12-31"},
	    {"二○二六年十月二十日", "2026-10-20"},
	    {"2026년 9월 1일", "2026-09-01"},
	    {"29 February 2024", "2024-02-29"},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		assert_dates(forms[i].text, EVIDENCE_ORDER_EITHER, forms[i].iso);
}

/* 01/09/2026 is 1 September in most of the world and 9 January in the US:
 * both readings unless the order is known; a dot is always day first. */
static void day_and_month_that_could_swap(void **state)
{
	(void)state;
	assert_dates("01/09/2026", EVIDENCE_ORDER_EITHER, "2026-09-01/2026-01-09");
	assert_dates("01-09-2026", EVIDENCE_ORDER_EITHER, "2026-09-01/2026-01-09");
	assert_dates("01/09/2026", EVIDENCE_ORDER_DMY, "2026-09-01");
	assert_dates("01/09/2026", EVIDENCE_ORDER_MDY, "2026-01-09");
	assert_dates("01.09.2026", EVIDENCE_ORDER_MDY, "2026-09-01");
	assert_dates("05/05/2026", EVIDENCE_ORDER_EITHER, "2026-05-05");
	assert_dates("13/09/2026", EVIDENCE_ORDER_MDY, "2026-09-13");
}

static void impossible_dates_are_no_dates(void **state)
{
	(void)state;
	assert_dates("2026-02-30", EVIDENCE_ORDER_EITHER, "");
	assert_dates("2025-02-29", EVIDENCE_ORDER_EITHER, "");
	assert_dates("31/04/2026", EVIDENCE_ORDER_EITHER, "");
	assert_dates("2026-13-01", EVIDENCE_ORDER_EITHER, "");
	assert_dates("2026年2月30日", EVIDENCE_ORDER_EITHER, "");
	assert_dates("32 Jan 2026", EVIDENCE_ORDER_EITHER, "");
	assert_dates("1 Sep 1850", EVIDENCE_ORDER_EITHER, "");
	assert_dates("12026-09-01", EVIDENCE_ORDER_EITHER, "");
	assert_dates("2026-09-011", EVIDENCE_ORDER_EITHER, "");
	assert_dates("26/09/01", EVIDENCE_ORDER_EITHER, "");
	assert_dates("Invoice 20260901 Sept total", EVIDENCE_ORDER_EITHER, "");
	assert_dates("二〇二六年十三月一日", EVIDENCE_ORDER_EITHER, "");
}

/* OCR's O for 0 and l for 1, full-width digits and spaced-out CJK. */
static void ocr_noise_is_forgiven(void **state)
{
	(void)state;
	assert_dates("Date: 2O26-O9-O1", EVIDENCE_ORDER_EITHER, "2026-09-01");
	assert_dates("Invoice date:0l/09/2026", EVIDENCE_ORDER_DMY, "2026-09-01");
	assert_dates("日 期 ： ２ ０ ２ ６ 年 ９ 月 １ 日", EVIDENCE_ORDER_EITHER, "2026-09-01");
	assert_dates("2026 年\n9 月 1 日", EVIDENCE_ORDER_EITHER, "");
	static const char noisy[] = "Oct lO ISO9001 2O26";
	char *norm = evidence_read_normalise(noisy, strlen(noisy));
	assert_string_equal(norm, "Oct lO ISO9001 2026"); /* only runs with a digit change */
	free(norm);
	static const char spaced[] = "深 圳 市  A   B\r\n\x1b[31m x\f2";
	norm = evidence_read_normalise(spaced, strlen(spaced));
	assert_string_equal(norm, "深圳市AB\n[31m x\f2");
	free(norm);
	static const char latin[] = "Qty 1 2 3 pcs, 深圳 A B";
	norm = evidence_read_normalise(latin, strlen(latin));
	assert_string_equal(norm, "Qty 1 2 3 pcs, 深圳 A B"); /* no CJK among single ones */
	free(norm);
}

static void the_end_of_a_validity_is_marked(void **state)
{
	(void)state;
	assert_dates("valid from 1 January 2026 to 31 December 2027", EVIDENCE_ORDER_EITHER,
		     "2026-01-01 2027-12-31!");
	assert_dates("授权期限：2026年1月1日至2027年12月31日", EVIDENCE_ORDER_EITHER,
		     "2026-01-01 2027-12-31!");
	assert_dates("有效期自2026年1月1日起，2027年12月31日止", EVIDENCE_ORDER_EITHER,
		     "2026-01-01 2027-12-31!");
	assert_dates("2026-01-01 ~ 2027-12-31", EVIDENCE_ORDER_EITHER, "2026-01-01 2027-12-31!");
	assert_dates("berlaku sampai 31 Desember 2027", EVIDENCE_ORDER_EITHER, "2027-12-31!");
	assert_dates("Expiry Date: 2027-12-31", EVIDENCE_ORDER_EITHER, "2027-12-31!");
	assert_dates("Issued 2026-01-01, signed 2026-01-02", EVIDENCE_ORDER_EITHER,
		     "2026-01-01 2026-01-02");
}

/* The quantities of text as "value@context" … */
static char *quantities_of(const char *text)
{
	char *norm = evidence_read_normalise(text, strlen(text));
	struct evidence_read_quantity q[16];
	size_t n = evidence_read_quantities(norm, q, 16);
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&b, "%s%g", i ? " " : "", q[i].value);
	free(norm);
	return strbuf_detach(&b);
}

static void quantities_next_to_their_words(void **state)
{
	(void)state;
	static const struct {
		const char *text, *expect;
	} cases[] = {
	    {"Quantity: 25 pcs", "25"},
	    {"数量：25", "25"},
	    {"共 25 件", "25"},
	    {"25件", "25"},
	    {"Qty 1,000", "1000"},
	    {"1.000 buah", "1000"},
	    {"Q'TY: 30", "30"},
	    {"20 units @ USD 3.50", "20"},
	    {"Ｑｔｙ：２５", "25"},
	    {"Quantity (pcs)\n40", "40"},
	    {"12 pcs and 13 PCS.", "12 13"},
	    {"Jumlah 24 buah", "24"},
	    {"数 量 ： 3 0 0", "300"},
	    {"2O pcs", "20"},
	    {"valid for 6个月, within 3个工作日", ""},
	    {"第5条 of the contract", ""},
	    {"Jumlah Rp 5.000", ""},
	    {"Total 25", ""},
	    {"50% off, 25 x 3", ""},
	    {"Model A25 pcs", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = quantities_of(cases[i].text);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("quantities of “%s”: got “%s”, expected “%s”", cases[i].text, got,
				 cases[i].expect);
		free(got);
	}
}

static enum evidence_read_match mention(const char *text, const char *answer, bool number,
					char **seen)
{
	char *norm = evidence_read_normalise(text, strlen(text));
	struct evidence_read_seen s;
	enum evidence_read_match m = evidence_read_mention(norm, answer, number, &s);
	if (seen)
		*seen = xstrndup(norm + s.at, s.len);
	free(norm);
	return m;
}

static void names_match_exactly_or_nearly(void **state)
{
	(void)state;
	char *seen;
	assert_int_equal(mention("Buyer: SHENZHEN X TRADING CO LTD", "Shenzhen X Trading Co., Ltd.",
				 false, &seen),
			 EVIDENCE_MATCH_EXACT);
	assert_string_equal(seen, "SHENZHEN X TRADING CO LTD");
	free(seen);
	assert_int_equal(mention("买方：深 圳 市 某 某 贸 易 有 限 公 司", "深圳市某某贸易有限公司",
				 false, NULL),
			 EVIDENCE_MATCH_EXACT);
	assert_int_equal(
	    mention("深圳市某某（集团）有限公司", "深圳市某某(集团)有限公司", false, NULL),
	    EVIDENCE_MATCH_EXACT);
	assert_int_equal(mention("Buyer: Shenzhen X Tradng Co., Ltd.\nAddress",
				 "Shenzhen X Trading Co., Ltd.", false, &seen),
			 EVIDENCE_MATCH_NEAR);
	assert_string_equal(seen, "Shenzhen X Tradng Co., Ltd");
	free(seen);
	assert_int_equal(
	    mention("买方：深圳市某谋贸易有限公司", "深圳市某某贸易有限公司", false, &seen),
	    EVIDENCE_MATCH_NEAR);
	assert_string_equal(seen, "深圳市某谋贸易有限公司");
	free(seen);
	assert_int_equal(
	    mention("Buyer: Guangzhou Y Co", "Shenzhen X Trading Co., Ltd.", false, NULL),
	    EVIDENCE_MATCH_NONE);
	assert_int_equal(mention("Brand ABD", "ABC", false, NULL), EVIDENCE_MATCH_NONE);
	assert_int_equal(mention("Brand NIKE®", "Nike", false, NULL), EVIDENCE_MATCH_EXACT);
	assert_int_equal(mention("anything", "  ,. ", false, NULL), EVIDENCE_MATCH_NONE);
	assert_int_equal(mention("", "Nike", false, NULL), EVIDENCE_MATCH_NONE);
}

/* Registration numbers: separators never matter, and in number mode OCR's
 * letters for digits do not either; one digit off is near, not the same. */
static void numbers_ignore_separators(void **state)
{
	(void)state;
	assert_int_equal(mention("第 12345678 号", "12345678", true, NULL), EVIDENCE_MATCH_EXACT);
	assert_int_equal(mention("专利号：ZL 2020 1 0123456.7", "ZL202010123456.7", true, NULL),
			 EVIDENCE_MATCH_EXACT);
	assert_int_equal(mention("Reg. No. TMAl23456", "TMA123456", false, NULL),
			 EVIDENCE_MATCH_NEAR);
	assert_int_equal(mention("Reg. No. TMAl23456", "TMA123456", true, NULL),
			 EVIDENCE_MATCH_EXACT);
	assert_int_equal(mention("No. 12345679", "12345678", true, NULL), EVIDENCE_MATCH_NEAR);
	assert_int_equal(mention("No. 12-345-678", "12345678", true, NULL), EVIDENCE_MATCH_EXACT);
}

static char *languages_of(const char *text)
{
	char *norm = evidence_read_normalise(text, strlen(text));
	struct evidence_read_language l[8];
	size_t n = evidence_read_languages(norm, l, 8);
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&b, "%s%s", i ? " " : "", l[i].code);
	free(norm);
	return strbuf_detach(&b);
}

static void the_language_of_a_document(void **state)
{
	(void)state;
	static const struct {
		const char *text, *expect;
	} cases[] = {
	    {"购销合同 买方：深圳市某某贸易有限公司 卖方：耐克体育（中国）有限公司 数量：25件",
	     "zh_CN"},
	    {"COMMERCIAL INVOICE Date: 1 Sep 2026. The buyer and the seller agree to the price "
	     "of the goods.",
	     "en"},
	    {"Faktur penjualan. Nama pembeli: PT Maju. Jumlah barang yang dibeli dari penjual "
	     "adalah 25 buah.",
	     "id"},
	    {"수입 신고서 구매자 판매자 수량 25개 날짜 2026년 9월 1일", "ko"},
	    {"請求書 株式会社サンプル 数量 25個 ご購入ありがとうございます", "ja"},
	    {"Hóa đơn bán hàng: người mua và người bán đã ký hợp đồng này", "vi"},
	    {"Счёт-фактура покупатель продавец количество", "ru"},
	    {"授权书 兹授权 Shenzhen X Trading Co., Ltd. 使用商标", "zh_CN"},
	    {"ABC 123 XYZ", ""},
	    {"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = languages_of(cases[i].text);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("languages of “%s”: got “%s”, expected “%s”", cases[i].text, got,
				 cases[i].expect);
		free(got);
	}
	char *both = languages_of(
	    "Surat kuasa ini berlaku untuk merek tersebut dan yang lain. This letter is valid for "
	    "the brand and the goods of the company.");
	assert_true(strcmp(both, "en id") == 0 || strcmp(both, "id en") == 0);
	free(both);
}

/* ---- the judge ---- */

static const struct flow_read buyer = {.kind = FLOW_READ_MENTION, .as = FLOW_AS_BUYER};
static const struct flow_read seller = {.kind = FLOW_READ_MENTION, .as = FLOW_AS_SELLER};
static const struct flow_read invoice_date = {
    .kind = FLOW_READ_DATE, .before = "complaint_date", .months = 6};
static const struct flow_read pieces = {
    .kind = FLOW_READ_QUANTITY, .has_at_least = true, .at_least = 20};
static char zh[] = "zh_CN", en[] = "en";
static char *reviewers[] = {zh, en};
static const struct flow_read language = {
    .kind = FLOW_READ_LANGUAGE, .languages = reviewers, .nlanguages = 2};
static const struct flow_read until = {.kind = FLOW_READ_VALID_UNTIL, .on = "complaint_date"};

/* An invoice whose date, buyer, seller and quantity all differ from the answers. */
static const char wrong_invoice[] = "COMMERCIAL INVOICE\n"
				    "Date: 1 December 2025\n"
				    "Buyer: Shenzhen Y Trading Co., Ltd.\n"
				    "Seller: Nike Distribution Ltd\n"
				    "Description: Running shoes, the model AX-200\n"
				    "Quantity: 12 pcs\n"
				    "Total: USD 600.00\n";

static const struct evidence_read_expect wrong_expects[] = {
    {&buyer, "Shenzhen X Trading Co., Ltd.", NULL, NULL},
    {&seller, "Adidas Sports Ltd", NULL, NULL},
    {&invoice_date, "2026-09-01", "2026-12-10", NULL},
    {&pieces, "25", NULL, NULL},
    {&language, NULL, NULL, NULL},
};
#define NWRONG (sizeof wrong_expects / sizeof wrong_expects[0])

static void judge(const char *text, const struct evidence_read_expect *e, size_t n,
		  struct evidence_finding *f, size_t *nf, enum evidence_read_state *st)
{
	*nf = evidence_read_judge(text, e, n, f, 16, st);
	for (size_t i = 0; i < *nf; i++) {
		assert_int_equal(f[i].verdict, EVIDENCE_WARN);
		assert_true(utf8_valid(f[i].message, strlen(f[i].message), NULL));
		assert_true(utf8_valid(f[i].fix, strlen(f[i].fix), NULL));
	}
}

static void a_wrong_invoice_in_english(void **state)
{
	(void)state;
	i18n_set_language("en");
	struct evidence_finding f[16];
	enum evidence_read_state st[NWRONG];
	size_t n;
	judge(wrong_invoice, wrong_expects, NWRONG, f, &n, st);
	assert_int_equal(n, 4);
	assert_int_equal(st[0], EVIDENCE_READ_DIFFERS);
	assert_int_equal(st[1], EVIDENCE_READ_MISSING);
	assert_int_equal(st[2], EVIDENCE_READ_DIFFERS);
	assert_int_equal(st[3], EVIDENCE_READ_DIFFERS);
	assert_int_equal(st[4], EVIDENCE_READ_FOUND);
	assert_string_equal(f[0].key, "buyer-differs");
	assert_string_equal(f[0].message,
			    "The buyer's name on the document reads “Shenzhen Y Trading Co., Ltd”, "
			    "close to but not the same as your answer “Shenzhen X Trading Co., "
			    "Ltd.”; the names must match exactly.");
	assert_string_equal(f[0].fix, "If the document names another buyer, get one in your "
				      "account's exact legal name; if ipwiz misread a clear scan, "
				      "acknowledge this warning.");
	assert_string_equal(f[1].key, "seller-not-found");
	assert_string_equal(f[1].message, "The seller's name on the document was not found: your "
					  "answer says “Adidas Sports Ltd”.");
	assert_string_equal(f[2].key, "date-too-old");
	assert_string_equal(f[2].message,
			    "The document shows 2025-12-01 while your answer says 2026-09-01; the "
			    "platform wants a date from 2026-06-10 to 2026-12-10 (the 6 months "
			    "before 2026-12-10).");
	assert_string_equal(f[3].key, "quantity-too-few");
	assert_string_equal(f[3].message, "The document shows a quantity of 12; your answer says "
					  "25 and the platform wants at least 20.");
	assert_int_equal(f[3].page, 0);
	assert_string_equal(evidence_read_label(&buyer), "buyer");
	assert_string_equal(evidence_read_label(&pieces), "quantity");
	assert_string_equal(evidence_read_state_name(st[2]), "differs");
}

static void a_wrong_invoice_in_chinese(void **state)
{
	(void)state;
	i18n_set_language("zh_CN");
	struct evidence_finding f[16];
	enum evidence_read_state st[NWRONG];
	size_t n;
	judge(wrong_invoice, wrong_expects, NWRONG, f, &n, st);
	i18n_set_language("en");
	assert_int_equal(n, 4);
	assert_string_equal(f[0].key, "buyer-differs"); /* keys never change with the language */
	assert_string_equal(
	    f[0].message, "文件上的买方名称为“Shenzhen Y Trading Co., Ltd”，与您填写的“Shenzhen X "
			  "Trading Co., Ltd.”相近但不相同；名称必须完全一致。");
	assert_string_equal(f[1].message, "文件上未找到卖方名称：您填写的是“Adidas Sports Ltd”。");
	assert_string_equal(f[2].message,
			    "文件上的日期是 2025-12-01，而您填写的是 2026-09-01；平台要求日期在 "
			    "2026-06-10 至 2026-12-10 之间（2026-12-10 之前的 6 个月内）。");
	assert_string_equal(f[3].message, "文件上的数量是 12；您填写的是 25，平台要求至少 20。");
}

/* The same invoice with the answers it shows: nothing to say. */
static void a_matching_invoice_says_nothing(void **state)
{
	(void)state;
	static const char text[] = "购销合同\n合同日期：2026 年 9 月 1 日\n"
				   "买方：深 圳 市 某 某 贸 易 有 限 公 司\n"
				   "卖方：耐克体育（中国）有限公司\n"
				   "型号 AX-200  数量：２５ 双\n";
	const struct evidence_read_expect e[] = {
	    {&buyer, "深圳市某某贸易有限公司", NULL, NULL},
	    {&seller, "耐克体育(中国)有限公司", NULL, NULL},
	    {&invoice_date, "2026-09-01", "2026-12-10", NULL},
	    {&pieces, "25", NULL, NULL},
	    {&language, NULL, NULL, NULL},
	};
	struct evidence_finding f[16];
	enum evidence_read_state st[5];
	size_t n;
	judge(text, e, 5, f, &n, st);
	assert_int_equal(n, 0);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(st[i], EVIDENCE_READ_FOUND);
}

static void a_korean_document_needs_a_translation(void **state)
{
	(void)state;
	const struct evidence_read_expect e[] = {{&language, NULL, NULL, NULL}};
	struct evidence_finding f[4];
	enum evidence_read_state st[1];
	size_t n;
	judge("상표 사용 허가서 구매자 판매자 수량 날짜 2026년 9월 1일 서명", e, 1, f, &n, st);
	assert_int_equal(n, 1);
	assert_int_equal(st[0], EVIDENCE_READ_DIFFERS);
	assert_string_equal(f[0].key, "needs-translation");
	assert_string_equal(f[0].message, "This document is in Korean; reviewers read Chinese or "
					  "English: attach a translation.");
	i18n_set_language("zh_CN");
	judge("상표 사용 허가서 구매자 판매자 수량 날짜 2026년 9월 1일 서명", e, 1, f, &n, st);
	i18n_set_language("en");
	assert_string_equal(f[0].message, "此文件为韩文；审核人员阅读中文或英文：请附上译文。");
	/* Too little text to tell: nothing is said. */
	judge("AX-200 25", e, 1, f, &n, st);
	assert_int_equal(n, 0);
	assert_int_equal(st[0], EVIDENCE_READ_MISSING);
}

static void an_authorisation_valid_on_the_complaint_date(void **state)
{
	(void)state;
	static const char expired[] = "授权书\n授权期限：2025年1月1日至2026年3月31日\n";
	static const char valid[] = "Authorisation valid from 1 Jan 2026 to 31 Dec 2027.";
	struct evidence_finding f[4];
	enum evidence_read_state st[1];
	size_t n;
	struct evidence_read_expect e = {&until, "2026-03-31", NULL, "2026-06-10"};
	judge(expired, &e, 1, f, &n, st);
	assert_int_equal(n, 1);
	assert_int_equal(st[0], EVIDENCE_READ_DIFFERS);
	assert_string_equal(f[0].key, "validity-expired");
	assert_string_equal(f[0].message, "The document shows its validity ends on 2026-03-31, "
					  "before 2026-06-10; the platform wants it valid on that "
					  "date.");
	e.value = "2027-12-31";
	judge(valid, &e, 1, f, &n, st);
	assert_int_equal(n, 0);
	assert_int_equal(st[0], EVIDENCE_READ_FOUND);
	e.value = NULL; /* the seller says it has no end date */
	judge(valid, &e, 1, f, &n, st);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].key, "validity-differs");
	judge("Authorisation granted on 1 Jan 2026.", &e, 1, f, &n, st);
	assert_int_equal(n, 0);
	assert_int_equal(st[0], EVIDENCE_READ_FOUND);
	e.value = "2028-06-30";
	judge(valid, &e, 1, f, &n, st);
	assert_string_equal(f[0].key, "validity-differs");
	assert_string_equal(f[0].message, "The document shows it is valid until 2027-12-31 while "
					  "your answer says 2028-06-30.");
}

/* 09/01/2026 matches an answer of 1 September or of 9 January, except in
 * Indonesian text, which writes the day first. */
static void an_ambiguous_date_matches_either_reading(void **state)
{
	(void)state;
	static const struct flow_read date = {.kind = FLOW_READ_DATE};
	struct evidence_finding f[4];
	enum evidence_read_state st[1];
	size_t n;
	struct evidence_read_expect e = {&date, "2026-09-01", NULL, NULL};
	judge("Invoice date 09/01/2026", &e, 1, f, &n, st);
	assert_int_equal(st[0], EVIDENCE_READ_FOUND);
	e.value = "2026-01-09";
	judge("Invoice date 09/01/2026", &e, 1, f, &n, st);
	assert_int_equal(st[0], EVIDENCE_READ_FOUND);
	e.value = "2026-09-02";
	judge("Invoice date 09/01/2026", &e, 1, f, &n, st);
	assert_string_equal(f[0].message, "The document shows 2026-01-09 or 2026-09-01 while your "
					  "answer says 2026-09-02.");
	e.value = "2026-09-01";
	judge("Faktur penjualan tanggal 09/01/2026 untuk barang yang dibeli dari penjual dan "
	      "pembeli",
	      &e, 1, f, &n, st);
	assert_int_equal(st[0], EVIDENCE_READ_DIFFERS);
	assert_string_equal(f[0].key, "date-differs");
	assert_string_equal(f[0].message,
			    "The document shows 2026-01-09 while your answer says 2026-09-01.");
}

static void nothing_read_is_said_once(void **state)
{
	(void)state;
	struct evidence_finding f[4];
	enum evidence_read_state st[NWRONG];
	size_t n;
	judge(" \n\f ", wrong_expects, NWRONG, f, &n, st);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].key, "nothing-read");
	for (size_t i = 0; i < NWRONG; i++)
		assert_int_equal(st[i], EVIDENCE_READ_MISSING);
	/* At most max findings, and unanswered expectations are not judged. */
	const struct evidence_read_expect unanswered[] = {{&buyer, "", NULL, NULL},
							  {&pieces, NULL, NULL, NULL}};
	n = evidence_read_judge(wrong_invoice, unanswered, 2, f, 4, st);
	assert_int_equal(n, 0);
	assert_int_equal(st[0], EVIDENCE_READ_MISSING);
	n = evidence_read_judge(wrong_invoice, wrong_expects, NWRONG, f, 2, NULL);
	assert_int_equal(n, 2);
}

/* Findings name the page (form feeds separate a PDF's pages), and a long
 * answer is cut so the sentence still ends and stays UTF-8. */
static void pages_and_long_answers(void **state)
{
	(void)state;
	static const char text[] = "Page one\fDate: 2026-03-01\fQuantity: 12 pcs";
	const struct evidence_read_expect e[] = {{&invoice_date, "2026-09-01", NULL, NULL},
						 {&pieces, "25", NULL, NULL}};
	struct evidence_finding f[4];
	enum evidence_read_state st[2];
	size_t n;
	judge(text, e, 2, f, &n, st);
	assert_int_equal(n, 2);
	assert_int_equal(f[0].page, 2);
	assert_int_equal(f[1].page, 3);
	struct strbuf b;
	strbuf_init(&b);
	for (int i = 0; i < 100; i++)
		strbuf_add(&b, "深圳");
	const struct evidence_read_expect lng[] = {{&buyer, b.s, NULL, NULL}};
	judge(wrong_invoice, lng, 1, f, &n, st);
	assert_int_equal(n, 1);
	assert_non_null(strstr(f[0].message, "…”"));
	assert_non_null(strstr(f[0].message, "must match exactly."));
	strbuf_free(&b);
	/* A bad byte in an answer is quoted as U+FFFD (judge checks UTF-8). */
	const struct evidence_read_expect bad[] = {{&buyer, "Shen\xffzhen Z", NULL, NULL}};
	judge(wrong_invoice, bad, 1, f, &n, st);
	assert_int_equal(n, 1);
	assert_non_null(strstr(f[0].message, "“Shen\xef\xbf\xbdzhen Z”"));
}

/* Every language a flow may name is one the reader can tell, and has a name. */
static void flow_languages_are_recognised(void **state)
{
	(void)state;
	static const char *const codes[] = {"en", "id", "zh_CN", "ja", "ko",
					    "vi", "th", "ru",	 "ar"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		assert_true(flow_read_language_known(codes[i]));
		assert_string_not_equal(evidence_read_language_name(codes[i]), codes[i]);
	}
	assert_false(flow_read_language_known("de"));
}

int main(void)
{
	i18n_init("en");
	/* The catalogues of this build, under a UTF-8 locale (gettext ignores
	 * LANGUAGE in the C locale). */
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain(PACKAGE, BUILDDIR "/locale");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_date_form_is_read),
	    cmocka_unit_test(day_and_month_that_could_swap),
	    cmocka_unit_test(impossible_dates_are_no_dates),
	    cmocka_unit_test(ocr_noise_is_forgiven),
	    cmocka_unit_test(the_end_of_a_validity_is_marked),
	    cmocka_unit_test(quantities_next_to_their_words),
	    cmocka_unit_test(names_match_exactly_or_nearly),
	    cmocka_unit_test(numbers_ignore_separators),
	    cmocka_unit_test(the_language_of_a_document),
	    cmocka_unit_test(a_wrong_invoice_in_english),
	    cmocka_unit_test(a_wrong_invoice_in_chinese),
	    cmocka_unit_test(a_matching_invoice_says_nothing),
	    cmocka_unit_test(a_korean_document_needs_a_translation),
	    cmocka_unit_test(an_authorisation_valid_on_the_complaint_date),
	    cmocka_unit_test(an_ambiguous_date_matches_either_reading),
	    cmocka_unit_test(nothing_read_is_said_once),
	    cmocka_unit_test(pages_and_long_answers),
	    cmocka_unit_test(flow_languages_are_recognised),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
