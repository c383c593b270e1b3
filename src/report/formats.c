/* formats.c: the table of report formats (formats.h). */
#include "formats.h"
#include "msg.h"
#include "diff.h"
#include "plan_report.h"
#include "report_info.h"
#include "test_report.h"

#include <string.h>

static const struct {
	FormatCmd cmd;
	const char *name;
	int id;
	bool workbook;
} formats[] = {
	{FOR_CHECK, "text", FMT_TEXT, false},
	{FOR_CHECK, "json", FMT_JSON, false},
	{FOR_CHECK, "csv", FMT_CSV, false},
	{FOR_CHECK, "junit", FMT_JUNIT, false},
	{FOR_CHECK, "sarif", FMT_SARIF, false},
	{FOR_CHECK, "github", FMT_GITHUB, false},
	{FOR_CHECK, "codequality", FMT_CODEQUALITY, false},
	{FOR_CHECK, "markdown", FMT_MARKDOWN, false},
	{FOR_CHECK, "html", FMT_HTML, false},
	{FOR_CHECK, "xlsx", FMT_XLSX, true},
	{FOR_PLAN, "table", PF_TABLE, false},
	{FOR_PLAN, "csv", PF_CSV, false},
	{FOR_PLAN, "json", PF_JSON, false},
	{FOR_PLAN, "markdown", PF_MARKDOWN, false},
	{FOR_PLAN, "html", PF_HTML, false},
	{FOR_PLAN, "xlsx", PF_XLSX, true},
	{FOR_DIFF, "text", DF_TEXT, false},
	{FOR_DIFF, "json", DF_JSON, false},
	{FOR_DIFF, "csv", DF_CSV, false},
	{FOR_DIFF, "markdown", DF_MARKDOWN, false},
	{FOR_DIFF, "html", DF_HTML, false},
	{FOR_TEST, "text", TF_TEXT, false},
	{FOR_TEST, "json", TF_JSON, false},
	{FOR_TEST, "junit", TF_JUNIT, false},
	{FOR_TEST, "github", TF_GITHUB, false},
	{FOR_TEST, "markdown", TF_MARKDOWN, false},
};
enum { NFORMATS = sizeof formats / sizeof formats[0] };

int
format_find(FormatCmd cmd, const char *name)
{
	for (int i = 0; i < NFORMATS; i++)
		if (formats[i].cmd == cmd && !strcmp(formats[i].name, name))
			return formats[i].id;
	return -1;
}

void
format_list(FormatCmd cmd, Buf *b)
{
	int n = 0, left = 0;
	for (int i = 0; i < NFORMATS; i++)
		left += formats[i].cmd == cmd;
	for (int i = 0; i < NFORMATS; i++) {
		if (formats[i].cmd != cmd)
			continue;
		buf_puts(b, !n ? "" : n == left - 1 ? _(" and ") : ", ");
		buf_puts(b, formats[i].name);
		n++;
	}
}

bool
format_workbook(FormatCmd cmd, int f)
{
	for (int i = 0; i < NFORMATS; i++)
		if (formats[i].cmd == cmd && formats[i].id == f)
			return formats[i].workbook;
	return false;
}
