/* parse.c: drive the scanner and parser over one file; the helpers the
 * grammar's actions call; syntax errors in an analyst's words. */
#include "parse.h"
#include "msg.h"

#include <string.h>

#include "parser.h"
#include "lexer.h"
#include "files.h"

#if defined(__SANITIZE_ADDRESS__)
enum { DEPTH_COST = 2048 };	/* bytes of stack a level of nesting takes */
#else
enum { DEPTH_COST = 512 };
#endif

int
parse_file(Parser *p)
{
	SrcFile *f = &p->diag->files[p->file];
	const char *text = f->text;
	size_t len = f->len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	int before = p->diag->errors;
	yyscan_t sc;
	if (yylex_init_extra(p, &sc) != 0) {
		diag_plain(p->diag, "cannot start the rules reader");
		return 1;
	}
	p->line = p->col = 1;
	/* the passes after parsing recurse about 400 bytes a level (at -O2;
	 * more with sanitizers, whose stack is the default 8 MiB) */
	size_t room = stack_room();
	p->max_depth = room > (1 << 20) ? AST_MAX_DEPTH : (int)((room - (room > (48 << 10) ? 48 << 10 : room)) / DEPTH_COST);
	if (p->max_depth > AST_MAX_DEPTH)
		p->max_depth = AST_MAX_DEPTH;
	YY_BUFFER_STATE b = yy_scan_bytes(text, (int)len, sc);
	yyparse(sc, p);
	yy_delete_buffer(b, sc);
	yylex_destroy(sc);
	return p->diag->errors - before;
}

/* How a token reads in a message: its own text for names and numbers. */
static const char *
describe(Parser *p, int tok, Loc loc, const char *alias, size_t alias_len)
{
	switch (tok) {
	case IDENT: case NUM:
		return arena_printf(p->arena, "'%s'", diag_text(p->diag, loc, p->arena));
	case STR:
		return arena_printf(p->arena, _("the text %s"), diag_text(p->diag, loc, p->arena));
	case NL:
		return _("the end of the line");
	case END:
		return _("the end of the file");
	default:
		return arena_strndup(p->arena, alias, alias_len);
	}
}

/* When the error is on a line the statement reached only because the
 * line before it asked for more, say so: that is where to look. */
static const char *
continued(Parser *p, const Loc *loc)
{
	if (!p->join.first_line || loc->first_line <= p->join.last_line)
		return "";
	if (p->join_paren)
		return arena_printf(p->arena, _(" (the '(' on line %d is still open, so the statement goes on to line %d)"),
				    p->open_paren.first_line, loc->first_line);
	return arena_printf(p->arena, _(" (line %d ends with '%s', so the statement goes on to line %d)"),
			    p->join.last_line, diag_text(p->diag, p->join, p->arena),
			    loc->first_line);
}

/* What the writer most likely meant, from the token that did not fit
 * and the one before it: other languages' operators, a calculation
 * after 'per' without its parentheses. */
static const char *
fix_hint(const Parser *p)
{
	int t = p->last, before = p->prev_tok;
	if (t == '=' && before != 0 && before != NL)
		return _("; to compare, write '==' ('=' only sets a count: ROLE = EXPR)");
	if (t == '&' && before == '&')
		return _("; to join two conditions, write 'and'");
	if (t == '|' && before == '|')
		return _("; to join two conditions, write 'or'");
	if (t == '!' || (t == '=' && before == '!'))
		return _("; to negate, write 'not'");
	if (p->per_seen && (t == '(' || t == '+' || t == '-' || t == '*' || t == '/' || t == '.'))
		return _("; a calculation after 'per' goes in parentheses, such as per 12 (operatore + specialista) or per 100 (sum(children.beds))");
	return "";
}

/* Bison's detailed message is "syntax error, unexpected X[, expecting A
 * or B...]"; rewrite it as "expected A or B after 'prev', found X". */
void
yyerror(YYLTYPE *loc, yyscan_t scanner, Parser *p, const char *msg)
{
	(void)scanner;
	if (p->quiet)
		return;
	if (strstr(msg, "exhausted")) {
		diag_error(p->diag, *loc, "this statement nests too deeply to be read; split it into simpler ones");
		p->quiet = true;
		return;
	}
	const char *u = strstr(msg, "unexpected ");
	if (!u) {
		diag_error(p->diag, *loc, "%s", msg);
		return;
	}
	u += strlen("unexpected ");
	const char *e = strstr(u, ", expecting ");
	size_t ulen = e ? (size_t)(e - u) : strlen(u);
	const char *found = describe(p, p->last, *loc, u, ulen);
	if (p->scope_head && p->last == NL) {
		diag_error(p->diag, *loc, "a scope's condition ends with '{' on the same line");
		return;
	}
	if (p->eof_nl && p->nbraces > 0 && (p->last == NL || p->last == END)) {
		Loc open = p->braces[p->nbraces - 1];
		diag_error(p->diag, open, "this '{' is never closed: the file ends before its '}'");
		p->quiet = true;
		return;
	}
	bool start = p->prev_tok == 0 || p->prev_tok == NL;
	if (start && !e) {
		diag_error(p->diag, *loc,
			   "a line starts with a declaration (kind, role, group, attribute, include), a scope or a rule, not with %s",
			   found);
		return;
	}
	const char *after = start ? _("at the start of the line")
		: arena_printf(p->arena, _("after '%s'"),
			       diag_text(p->diag, p->prev, p->arena));
	const char *hint = fix_hint(p);
	if (!e) {
		diag_error(p->diag, *loc, "did not expect %s %s%s%s", found, after, hint,
			   continued(p, loc));
		return;
	}
	/* "A or B or C" -> "A, B or C", each in the reader's language (the
	 * tokens that are words of the language stay as they are) */
	static const char *const tokens[] = {N_("a name"), N_("a number"), N_("a text in quotes"),
					     N_("end of line"), N_("end of file")};
	(void)tokens;	/* for the catalogue: bison's aliases of the tokens */
	Buf b = {0};
	const char *s = e + strlen(", expecting ");
	for (;;) {
		const char *o = strstr(s, " or ");
		char piece[64];
		snprintf(piece, sizeof piece, "%.*s", (int)(o ? (size_t)(o - s) : strlen(s)), s);
		buf_puts(&b, piece[0] == '\'' ? piece : _(piece));
		if (!o)
			break;
		buf_puts(&b, strstr(o + 4, " or ") ? ", " : _(" or "));
		s = o + 4;
	}
	/* a keyword where a name goes: 'kind group, ward' */
	size_t fl = strlen(found);
	bool word = fl > 2 && found[0] == '\'' && found[fl - 1] == '\'';
	for (size_t i = 1; word && i + 1 < fl; i++)
		word = (found[i] >= 'a' && found[i] <= 'z') || found[i] == '_';
	int pt = p->prev_tok;	/* right after what declares a name */
	word &= pt == KIND || pt == ROLE || pt == GROUP || pt == ATTRIBUTE || pt == RULE || pt == SCOPE ||
		pt == POOL || pt == ',';
	if (word && strstr(e, "a name") && !*hint)
		hint = arena_printf(p->arena, _("; %s is a reserved word of the language, so it cannot be a name: choose another"), found);
	diag_error(p->diag, *loc, "expected %s %s, found %s%s%s", buf_cstr(&b),
		   after, found, hint, continued(p, loc));
	buf_free(&b);
}

IdentVec
gram_ids(Parser *p, IdentVec v, Ident id)
{
	v.v = ast_append_ident(p->arena, v.v, v.n, id);
	v.n++;
	return v;
}

ClauseVec
gram_clauses(Parser *p, ClauseVec v, Clause c)
{
	v.v = ast_append_clause(p->arena, v.v, v.n, c);
	v.n++;
	return v;
}

Stmt *
gram_kinds(Parser *p, Loc loc, IdentVec names)
{
	Stmt *s = ast_stmt(p->arena, S_KIND, loc);
	s->items = names.v;
	s->nitems = names.n;
	return s;
}

Stmt *
gram_role(Parser *p, Loc loc, Ident name, char *label, Ident grade,
	  char *cost_text, double cost)
{
	Stmt *s = ast_stmt(p->arena, S_ROLE, loc);
	s->name = name;
	s->label = label;
	s->grade = grade;
	s->cost_text = cost_text;
	s->cost = cost;
	return s;
}

Stmt *
gram_group(Parser *p, Loc loc, Ident name, IdentVec members)
{
	Stmt *s = ast_stmt(p->arena, S_GROUP, loc);
	s->name = name;
	s->items = members.v;
	s->nitems = members.n;
	return s;
}

Stmt *
gram_attribute(Parser *p, Loc loc, Ident name, Type type)
{
	Stmt *s = ast_stmt(p->arena, S_ATTR, loc);
	s->name = name;
	s->attr_type = type;
	return s;
}

Stmt *
gram_pool(Parser *p, Loc loc, Ident name, char *label, Amount amt, Ident role, Node *cond)
{
	Stmt *s = ast_stmt(p->arena, S_POOL, loc);
	s->name = name;
	s->label = label;
	s->amt = amt;
	s->target = role;
	s->cond = cond;
	return s;
}

/* transfer [surplus] ROLE, ... within ...: the one word that may come
 * before the roles is `surplus` (a word, not a keyword: a role may
 * still be called so). */
Stmt *
gram_transfer(Parser *p, Loc loc, const Ident *mode, IdentVec roles, IdentVec within)
{
	Stmt *s = ast_stmt(p->arena, S_TRANSFER, loc);
	if (mode && strcmp(mode->name, "surplus"))
		diag_error(p->diag, mode->loc,
			   _("expected ',' or 'within' after '%s'; the one word a transfer takes before its roles is 'surplus' (transfer surplus ROLE, ... within ATTRIBUTE)"),
			   mode->name);
	s->surplus = mode != NULL;
	s->items = roles.v;
	s->nitems = roles.n;
	s->within = within.v;
	s->nwithin = within.n;
	return s;
}

Stmt *
gram_budget(Parser *p, Loc loc, const Ident *word, Ident what, bool minus, char *text, double n, Loc n_loc)
{
	Stmt *s = ast_stmt(p->arena, S_BUDGET, loc);
	if (word && strcmp(word->name, "total"))
		diag_error(p->diag, word->loc,
			   _("expected '<=' after '%s'; the one word a budget takes before what it limits is 'total' "
			   "(budget cost <= N limits the change, budget total cost <= N the total after the plan)"),
			   word->name);
	s->name = what;
	s->total = word != NULL;
	if (minus && n != 0) {
		size_t len = strlen(text);
		char *t = arena_alloc(p->arena, len + 2);
		t[0] = '-';
		memcpy(t + 1, text, len + 1);
		text = t;
		n = -n;
	}
	s->amt = (Amount){AM_EXACT, n, n, text, text, n_loc};
	return s;
}

Stmt *
gram_include(Parser *p, Loc loc, char *path, Loc path_loc)
{
	Stmt *s = ast_stmt(p->arena, S_INCLUDE, loc);
	s->path = path;
	s->path_loc = path_loc;
	return s;
}

/* Refuses an expression deeper than the later passes may recurse. */
static void
bound(Parser *p, const Node *n)
{
	if (n && n->depth > p->max_depth)
		diag_error(p->diag, n->loc,
			   "this expression nests more than %d levels deep%s; split it into simpler rules",
			   p->max_depth, p->max_depth < AST_MAX_DEPTH ? _(" (as many as the stack limit, ulimit -s, allows)") : "");
}

Stmt *
gram_scope(Parser *p, Loc loc, Ident name, char *label, Node *cond,
	   StmtList body)
{
	Stmt *s = ast_stmt(p->arena, S_SCOPE, loc);
	bound(p, cond);
	s->depth = 1;
	for (Stmt *t = body.head; t; t = t->next)
		if (t->kind == S_SCOPE && t->depth + 1 > s->depth)
			s->depth = t->depth + 1;
	if (s->depth == AST_MAX_SCOPES + 1)	/* said once, by the innermost too deep */
		diag_error(p->diag, name.loc, "scopes nest more than %d deep here", AST_MAX_SCOPES);
	s->name = name;
	s->label = label;
	s->cond = cond;
	s->body = body;
	return s;
}

Stmt *
gram_rule(Parser *p, Loc loc, Loc body_loc, Severity sev, Ident *id,
	  char *label, Stmt *body)
{
	(void)p;
	if (sev == SEV_DEFAULT) {	/* an empty prefix has no place */
		loc.first_line = body_loc.first_line;
		loc.first_column = body_loc.first_column;
	}
	body->loc = loc;
	body->sev = sev;
	bound(p, body->cond);
	bound(p, body->e1);
	bound(p, body->e2);
	bound(p, body->per.qty);
	for (int i = 0; i < body->nclauses; i++)
		bound(p, body->clauses[i].cond);
	if (id) {
		body->has_id = true;
		body->name = *id;
		body->label = label;
	}
	return body;
}

Stmt *
gram_sugar(Parser *p, Loc loc, Amount amt, Ident target, Per per,
	   Node *cond, ClauseVec clauses)
{
	Stmt *s = ast_stmt(p->arena, S_RULE, loc);
	s->form = R_SUGAR;
	s->amt = amt;
	s->target = target;
	s->per = per;
	s->cond = cond;
	s->clauses = clauses.v;
	s->nclauses = clauses.n;
	return s;
}

Stmt *
gram_core(Parser *p, Loc loc, RuleForm form, Ident target, Node *e1,
	  Node *e2, Node *cond)
{
	Stmt *s = ast_stmt(p->arena, S_RULE, loc);
	s->form = form;
	s->target = target;
	s->e1 = e1;
	s->e2 = e2;
	s->cond = cond;
	return s;
}

Amount
gram_amount(Parser *p, Loc loc, AmountKind kind, char *lo_text, double lo,
	    char *hi_text, double hi)
{
	(void)p;
	Amount a = {kind, lo, hi_text ? hi : lo, lo_text, hi_text, loc};
	return a;
}

Per
gram_per(Parser *p, Loc loc, PerKind kind, char *a_text, double a,
	 char *b_text, double b, Node *qty)
{
	(void)p;
	Per r = {0};
	r.kind = kind;
	r.loc = loc;
	r.qty = qty;
	r.kind_sym = -1;
	if (kind == PER_SPAN) {
		r.a = a, r.a_text = a_text;
		r.b = b, r.b_text = b_text;
	} else {
		r.n = a, r.n_text = a_text;
	}
	return r;
}

Node *
gram_name(Parser *p, Ident id)
{
	return ast_name(p->arena, id.loc, id.name);
}

Node *
gram_path(Parser *p, Loc loc, Node *left, Ident right)
{
	if (left->kind != N_NAME || strcmp(left->text, "parent") != 0) {
		diag_error(p->diag, right.loc,
			   "'.%s' can only follow 'parent' (or children and descendants inside count, sum, min, max, avg)",
			   right.name);
		return left;
	}
	Node *n = ast_name(p->arena, loc, right.name);
	n->ups = left->ups + 1;
	return n;
}

Node *
gram_parent_list(Parser *p, Loc loc, Node *left, Loc at, const char *proj, Loc proj_loc, Node *where)
{
	Node *n = ast_list(p->arena, loc, false, proj, proj_loc, where);
	n->from = LIST_PARENT;
	if (left->kind != N_NAME || strcmp(left->text, "parent") != 0 || left->ups)
		diag_error(p->diag, at, "'.children' can only follow 'parent' (parent.children: the parent's children, "
			   "the unit among them; siblings: the others)");
	return n;
}

Node *
gram_implicit(Parser *p, Loc loc, Op op, Node *rhs)
{
	Node *h = ast_name(p->arena, loc, "headcount");
	h->implicit = true;
	Loc all = loc;
	all.last_line = rhs->loc.last_line;
	all.last_column = rhs->loc.last_column;
	return ast_binary(p->arena, all, op, h, rhs);
}
