/* parser.y: the rules language.
 *
 * One statement per line: the lexer sends NL only where a line really
 * ends (not after an operator, a comma, an open parenthesis...).  Actions
 * are one-liners that call the constructors of src/ast.c; the tree lives
 * in the parser's arena, so abandoned values need no destructor.
 */
%require "3.6"
%define api.pure full
%define api.location.type {Loc}
%define parse.error detailed
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {Parser *p}
/* an empty rule at the start takes this place: it is in this file (an
 * included one too), not in file 0 */
%initial-action { @$ = (Loc){1, 1, 1, 1, p->file}; }

%code requires {
#include "parse.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {				\
	if (N) {							\
		(Cur).first_line = YYRHSLOC(Rhs, 1).first_line;		\
		(Cur).first_column = YYRHSLOC(Rhs, 1).first_column;	\
		(Cur).last_line = YYRHSLOC(Rhs, N).last_line;		\
		(Cur).last_column = YYRHSLOC(Rhs, N).last_column;	\
		(Cur).file = YYRHSLOC(Rhs, 1).file;			\
	} else {							\
		(Cur).first_line = (Cur).last_line =			\
			YYRHSLOC(Rhs, 0).last_line;			\
		(Cur).first_column = (Cur).last_column =		\
			YYRHSLOC(Rhs, 0).last_column;			\
		(Cur).file = YYRHSLOC(Rhs, 0).file;			\
	}								\
} while (0)
}

%code provides {
int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
void yyerror(YYLTYPE *loc, yyscan_t scanner, Parser *p, const char *msg);
}

%code {
#define A (p->arena)
}

%union {
	struct { char *s; double n; } tok;
	Node *node;
	Stmt *stmt;
	StmtList list;
	Amount amt;
	Per per;
	Ident id;
	IdentVec ids;
	ClauseVec clauses;
	Clause clause;
	Severity sev;
	Type type;
	Op op;
}

%token END 0		"end of file"
%token <tok> IDENT	"a name"
%token <tok> NUM	"a number"
%token <tok> STR	"a text in quotes"
%token NL		"end of line"
%token KIND "'kind'" ROLE "'role'" GROUP "'group'" ATTRIBUTE "'attribute'"
%token INCLUDE "'include'" SCOPE "'scope'" WHERE "'where'" MUST "'must'"
%token ASSERT "'assert'"
%token SHOULD "'should'" RULE "'rule'" PER "'per'" IF "'if'" ELSE "'else'"
%token AT "'at'" LEAST "'least'" MOST "'most'" IN "'in'" AND "'and'"
%token OR "'or'" NOT "'not'" TRUE "'true'" FALSE "'false'" GRADE "'grade'"
%token COST "'cost'" NUMBER "'number'" TEXT "'text'" SET "'set'"
%token CHILDREN "'children'" DESCENDANTS "'descendants'" SIBLINGS "'siblings'"
%token POOL "'pool'" TRANSFER "'transfer'" BUDGET "'budget'" WITHIN "'within'"
%token EQEQ "'=='" NE "'!='" LE "'<='" GE "'>='" DOTDOT "'..'"

%left OR
%left AND
%precedence NOT
%nonassoc EQEQ NE '<' LE '>' GE IN
%left '|'
%left '&'
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%type <list> items
%type <stmt> item decl scope rule body plan
%type <tok> opt_label opt_cost
%type <id> name ident opt_grade
%type <ids> idents members
%type <type> type
%type <sev> severity
%type <amt> amount
%type <per> opt_per
%type <node> quantity opt_if cond expr primary args arg list opt_where strings
%type <node> path
%type <clauses> clauses
%type <clause> clause
%type <op> cmp

%%

file:
	items			{ p->stmts = $1; }
;
items:
	%empty			{ $$ = (StmtList){0}; }
|	items item NL		{ $$ = $1; stmts_append(&$$, $2); }
|	items error NL		{ $$ = $1; yyerrok; }
;
item:
	decl
|	scope
|	rule
|	plan
;
ident:
	IDENT			{ $$ = (Ident){$1.s, @1}; }
;
decl:
	KIND idents		{ $$ = gram_kinds(p, @$, $2); }
|	ROLE ident opt_label opt_grade opt_cost
				{ $$ = gram_role(p, @$, $2, $3.s, $4, $5.s, $5.n); }
|	GROUP ident '=' members	{ $$ = gram_group(p, @$, $2, $4); }
|	ATTRIBUTE ident ':' type
				{ $$ = gram_attribute(p, @$, $2, $4); }
|	INCLUDE STR		{ $$ = gram_include(p, @$, $2.s, @2); }
;
idents:
	ident			{ $$ = gram_ids(p, (IdentVec){0}, $1); }
|	idents ',' ident	{ $$ = gram_ids(p, $1, $3); }
;
members:
	ident			{ $$ = gram_ids(p, (IdentVec){0}, $1); }
|	members '+' ident	{ $$ = gram_ids(p, $1, $3); }
;
opt_label:
	%empty			{ $$.s = NULL; }
|	STR
;
opt_grade:
	%empty			{ $$ = (Ident){0}; }
|	GRADE ident		{ $$ = $2; }
;
opt_cost:
	%empty			{ $$.s = NULL; $$.n = 0; }
|	COST NUM		{ $$ = $2; }
;
type:
	NUMBER			{ $$ = T_NUM; }
|	TEXT			{ $$ = T_TEXT; }
|	SET			{ $$ = T_SET; }
;
scope:
	SCOPE ident opt_label WHERE expr '{' items '}'
				{ $$ = gram_scope(p, @$, $2, $3.s, $5, $7); }
;
rule:
	severity body		{ $$ = gram_rule(p, @$, @2, $1, NULL, NULL, $2); }
|	severity RULE ident opt_label ':' body
				{ $$ = gram_rule(p, @$, @2, $1, &$3, $4.s, $6); }
;
plan:
	POOL ident opt_label ':' amount ident opt_where
				{ $$ = gram_pool(p, @$, $2, $3.s, $5, $6, $7); }
|	TRANSFER idents WITHIN idents
				{ $$ = gram_transfer(p, @$, NULL, $2, $4); }
|	TRANSFER ident idents WITHIN idents
				{ $$ = gram_transfer(p, @$, &$2, $3, $5); }
|	BUDGET COST LE NUM	{ $$ = gram_budget(p, @$, NULL, (Ident){"cost", @2, -1}, false, $4.s, $4.n, @4); }
|	BUDGET COST LE '-' NUM	{ $$ = gram_budget(p, @$, NULL, (Ident){"cost", @2, -1}, true, $5.s, $5.n, @4); }
|	BUDGET ident LE NUM	{ $$ = gram_budget(p, @$, NULL, $2, false, $4.s, $4.n, @4); }
|	BUDGET ident LE '-' NUM	{ $$ = gram_budget(p, @$, NULL, $2, true, $5.s, $5.n, @4); }
|	BUDGET ident COST LE NUM
				{ $$ = gram_budget(p, @$, &$2, (Ident){"cost", @3, -1}, false, $5.s, $5.n, @5); }
|	BUDGET ident COST LE '-' NUM
				{ $$ = gram_budget(p, @$, &$2, (Ident){"cost", @3, -1}, true, $6.s, $6.n, @5); }
|	BUDGET ident ident LE NUM
				{ $$ = gram_budget(p, @$, &$2, $3, false, $5.s, $5.n, @5); }
|	BUDGET ident ident LE '-' NUM
				{ $$ = gram_budget(p, @$, &$2, $3, true, $6.s, $6.n, @5); }
;
severity:
	%empty			{ $$ = SEV_DEFAULT; }
|	MUST			{ $$ = SEV_MUST; }
|	SHOULD			{ $$ = SEV_SHOULD; }
;
body:
	amount ident opt_per opt_if clauses
				{ $$ = gram_sugar(p, @$, $1, $2, $3, $4, $5); }
|	ident '=' expr opt_if	{ $$ = gram_core(p, @$, R_EQ, $1, $3, NULL, $4); }
|	ident GE expr opt_if	{ $$ = gram_core(p, @$, R_GE, $1, $3, NULL, $4); }
|	ident LE expr opt_if	{ $$ = gram_core(p, @$, R_LE, $1, $3, NULL, $4); }
|	ident IN expr DOTDOT expr opt_if
				{ $$ = gram_core(p, @$, R_IN, $1, $3, $5, $6); }
|	ASSERT expr opt_if	{ $$ = gram_core(p, @$, R_ASSERT, (Ident){NULL, @1, -1}, $2, NULL, $3); }
;
amount:
	NUM			{ $$ = gram_amount(p, @$, AM_EXACT, $1.s, $1.n, NULL, 0); }
|	AT LEAST NUM		{ $$ = gram_amount(p, @$, AM_ATLEAST, $3.s, $3.n, NULL, 0); }
|	AT MOST NUM		{ $$ = gram_amount(p, @$, AM_ATMOST, $3.s, $3.n, NULL, 0); }
|	NUM DOTDOT NUM		{ $$ = gram_amount(p, @$, AM_RANGE, $1.s, $1.n, $3.s, $3.n); }
;
opt_per:
	%empty			{ $$ = (Per){.kind = PER_NONE, .kind_sym = -1}; }
|	PER ident		{ $$ = gram_per(p, @$, PER_NAME, NULL, 0, NULL, 0, gram_name(p, $2)); }
|	PER '(' expr ')'	{ $3->paren = true; $$ = gram_per(p, @$, PER_RATIO, NULL, 1, NULL, 0, $3); }
|	PER NUM quantity	{ $$ = gram_per(p, @$, PER_RATIO, $2.s, $2.n, NULL, 0, $3); }
|	PER NUM DOTDOT NUM quantity
				{ $$ = gram_per(p, @$, PER_SPAN, $2.s, $2.n, $4.s, $4.n, $5); }
;
quantity:
	ident			{ $$ = gram_name(p, $1); }
|	'(' expr ')'		{ $$ = $2; $$->paren = true; }
;
opt_if:
	%empty			{ $$ = NULL; }
|	IF cond			{ $$ = $2; }
;
cond:
	expr
|	cmp expr		{ $$ = gram_implicit(p, @1, $1, $2); }
;
cmp:
	EQEQ			{ $$ = OP_EQ; }
|	NE			{ $$ = OP_NE; }
|	'<'			{ $$ = OP_LT; }
|	LE			{ $$ = OP_LE; }
|	'>'			{ $$ = OP_GT; }
|	GE			{ $$ = OP_GE; }
;
clauses:
	%empty			{ $$ = (ClauseVec){0}; }
|	clauses ',' clause	{ $$ = gram_clauses(p, $1, $3); }
;
clause:
	amount IF cond		{ $$ = (Clause){$1, $3, @$}; }
|	ELSE amount		{ $$ = (Clause){$2, NULL, @$}; }
;
expr:
	expr OR expr		{ $$ = ast_binary(A, @$, OP_OR, $1, $3); }
|	expr AND expr		{ $$ = ast_binary(A, @$, OP_AND, $1, $3); }
|	NOT expr		{ $$ = ast_unary(A, @$, OP_NOT, $2); }
|	expr EQEQ expr		{ $$ = ast_binary(A, @$, OP_EQ, $1, $3); }
|	expr NE expr		{ $$ = ast_binary(A, @$, OP_NE, $1, $3); }
|	expr '<' expr		{ $$ = ast_binary(A, @$, OP_LT, $1, $3); }
|	expr LE expr		{ $$ = ast_binary(A, @$, OP_LE, $1, $3); }
|	expr '>' expr		{ $$ = ast_binary(A, @$, OP_GT, $1, $3); }
|	expr GE expr		{ $$ = ast_binary(A, @$, OP_GE, $1, $3); }
|	expr IN expr		{ $$ = ast_binary(A, @$, OP_IN, $1, $3); }
|	expr '|' expr		{ $$ = ast_binary(A, @$, OP_UNION, $1, $3); }
|	expr '&' expr		{ $$ = ast_binary(A, @$, OP_INTER, $1, $3); }
|	expr '+' expr		{ $$ = ast_binary(A, @$, OP_ADD, $1, $3); }
|	expr '-' expr		{ $$ = ast_binary(A, @$, OP_SUB, $1, $3); }
|	expr '*' expr		{ $$ = ast_binary(A, @$, OP_MUL, $1, $3); }
|	expr '/' expr		{ $$ = ast_binary(A, @$, OP_DIV, $1, $3); }
|	'-' expr %prec UMINUS	{ $$ = ast_unary(A, @$, OP_NEG, $2); }
|	primary
;
primary:
	NUM			{ $$ = ast_num(A, @$, $1.n, $1.s); }
|	STR			{ $$ = ast_str(A, @$, $1.s); }
|	TRUE			{ $$ = ast_bool(A, @$, true); }
|	FALSE			{ $$ = ast_bool(A, @$, false); }
|	'{' '}'			{ $$ = ast_set(A, @$, NULL); }
|	'{' strings '}'		{ $$ = ast_set(A, @$, $2); }
|	path
|	ident '(' args ')'	{ $$ = ast_call(A, @$, $1.name, $3); }
|	'(' expr ')'		{ $$ = $2; $$->paren = true; }
;
strings:
	STR			{ $$ = ast_append_arg(A, NULL, ast_str(A, @1, $1.s)); }
|	strings ',' STR		{ $$ = ast_append_arg(A, $1, ast_str(A, @3, $3.s)); }
;
path:
	name			{ $$ = gram_name(p, $1); }
|	path '.' name		{ $$ = gram_path(p, @$, $1, $3); }
;
name:
	IDENT			{ $$ = (Ident){$1.s, @1}; }
|	KIND			{ $$ = (Ident){"kind", @1}; }
;
args:
	arg			{ $$ = ast_append_arg(A, NULL, $1); }
|	args ',' arg		{ $$ = ast_append_arg(A, $1, $3); }
;
arg:
	expr
|	list
;
list:
	CHILDREN opt_where	{ $$ = ast_list(A, @$, false, NULL, @1, $2); }
|	DESCENDANTS opt_where	{ $$ = ast_list(A, @$, true, NULL, @1, $2); }
|	CHILDREN '.' name opt_where
				{ $$ = ast_list(A, @$, false, $3.name, @3, $4); }
|	DESCENDANTS '.' name opt_where
				{ $$ = ast_list(A, @$, true, $3.name, @3, $4); }
|	SIBLINGS opt_where	{ $$ = ast_list(A, @$, false, NULL, @1, $2); $$->from = LIST_SIBLINGS; }
|	SIBLINGS '.' name opt_where
				{ $$ = ast_list(A, @$, false, $3.name, @3, $4); $$->from = LIST_SIBLINGS; }
|	path '.' CHILDREN opt_where
				{ $$ = gram_parent_list(p, @$, $1, @3, NULL, @3, $4); }
|	path '.' CHILDREN '.' name opt_where
				{ $$ = gram_parent_list(p, @$, $1, @3, $5.name, @5, $6); }
;
opt_where:
	%empty			{ $$ = NULL; }
|	WHERE expr		{ $$ = $2; }
;

%%
