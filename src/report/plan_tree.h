/* plan_tree.h: the plan page's organisation, drawn as the check page
 * draws it: every unit in its tree, each with its proposed changes and
 * the rules behind them, the moves and placements at either end, and
 * rolled up to every unit above it the headcount before and after, the
 * cost of the change and the worst status below (short: a must rule the
 * plan leaves broken; changed). */
#ifndef COPLAN_PLAN_TREE_H
#define COPLAN_PLAN_TREE_H

#include "plan_sums.h"
#include "unit_tree.h"

enum { UNIT_CHANGED = 1, UNIT_SHORT = 2 };

/* What the report's rows made of each unit: its changes as HTML table
 * rows (html from off[k], len[k] bytes: plan_table's columns but the
 * unit's), and its status bits (UNIT_*). */
typedef struct PlanFrags {
	Buf html;
	size_t *off, *len;
	unsigned char *stat;
} PlanFrags;

/* Each unit's own headcount before and after and cost of the change
 * (own, malloc'd), and with the units below it (sub, malloc'd; units:
 * how many units it holds, itself too). */
void plan_subtree_sums(const Plan *pl, const UnitTree *t, Sums **own, Sums **sub);
void plan_frags_init(PlanFrags *f, int n);
void plan_frags_free(PlanFrags *f);
/* The section "The organisation" of the page (selected: the units the
 * report shows, NULL all; the others drawn greyed, as ancestors). */
void plan_tree(const Plan *pl, const bool *selected, const PlanFrags *fr, bool costs, Buf *out);

#endif
