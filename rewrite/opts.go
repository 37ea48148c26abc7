package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/dave/dst"
	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// The deadlock packages configure their detector by assigning fields of
// a package variable (deadlock.Opts.DeadlockTimeout = d); the facade takes
// all its options in one call, facade.SetDetectorOptions. A run of
// consecutive assignments becomes that call. Since the call sets every
// option at once, a package with two such runs is reported instead: the
// second call would undo the first's options.

// An optsRun is one run of consecutive detector option assignments.
type optsRun struct {
	stmts  []*ast.AssignStmt
	first  *ast.SelectorExpr // the first statement's pkg.Opts: the site
	fields []catalog.Row
	file   *ast.File
	text   func(name string) (string, error)
}

// optsPlan holds the runs to rewrite and the selectors they cover.
type optsPlan struct {
	runs    map[*ast.SelectorExpr]*optsRun // by first selector
	claimed map[*ast.SelectorExpr]bool     // every pkg.Opts a run covers
}

// optsField returns, for an assignment "pkg.Opts.F = v", the selector
// pkg.Opts and F's row.
func (pv *prover) optsField(s ast.Stmt) (*ast.SelectorExpr, catalog.Row, bool) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, catalog.Row{}, false
	}
	outer, ok := as.Lhs[0].(*ast.SelectorExpr)
	if !ok {
		return nil, catalog.Row{}, false
	}
	inner, ok := outer.X.(*ast.SelectorExpr)
	if !ok {
		return nil, catalog.Row{}, false
	}
	v, ok := pv.info.Uses[inner.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil, catalog.Row{}, false
	}
	row, ok := pv.sw.rules.Lookup(v.Pkg().Path(), v.Name()+"."+outer.Sel.Name)
	if !ok || row.Kind != catalog.Field || row.Missing != "" {
		return nil, catalog.Row{}, false
	}
	return inner, row, true
}

// planOpts finds the runs of detector option assignments.
func (pv *prover) planOpts() *optsPlan {
	op := &optsPlan{runs: make(map[*ast.SelectorExpr]*optsRun), claimed: make(map[*ast.SelectorExpr]bool)}
	var runs []*optsRun
	for _, f := range pv.sw.pass.Files {
		if !pv.swept[f] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var list []ast.Stmt
			switch n := n.(type) {
			case *ast.BlockStmt:
				list = n.List
			case *ast.CaseClause:
				list = n.Body
			case *ast.CommClause:
				list = n.Body
			default:
				return true
			}
			var cur *optsRun
			for _, s := range list {
				inner, row, ok := pv.optsField(s)
				if !ok {
					cur = nil
					continue
				}
				if cur == nil || cur.fields[0].From != row.From {
					cur = &optsRun{first: inner, file: f}
					runs = append(runs, cur)
				}
				cur.stmts = append(cur.stmts, s.(*ast.AssignStmt))
				cur.fields = append(cur.fields, row)
			}
			return true
		})
	}
	pv.missingOpts()
	if len(runs) > 0 {
		if at, ok := pv.optsReadElsewhere(runs); ok {
			for _, r := range runs {
				pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
					"%s.Opts bypasses the lock facade; the package also uses %s.Opts at %s, which would no longer see these settings once they went to facade.SetDetectorOptions", r.fields[0].From, r.first.X.(*ast.Ident).Name, pv.position(at))})
				r.keepAll(pv.plan)
			}
			return op
		}
	}
	if len(runs) > 1 {
		for _, r := range runs {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.Opts bypasses the lock facade; this package sets it in %d places, and facade.SetDetectorOptions sets every option at once, so the calls would undo each other: set the options in one place", r.fields[0].From, len(runs))})
			r.keepAll(pv.plan)
		}
		return op
	}
	if pv.sw.rules.Facade != catalog.DefaultFacade {
		for _, r := range runs {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.Opts bypasses the lock facade; %s is not syncsweep's facade, whose SetDetectorOptions these settings would become: set them with your facade's own API", r.fields[0].From, pv.sw.rules.Facade)})
			r.keepAll(pv.plan)
		}
		return op
	}
	for _, r := range runs {
		seen := make(map[string]bool)
		dup := ""
		for _, fr := range r.fields {
			if seen[fr.FacadeName()] {
				dup = fr.Name
			}
			seen[fr.FacadeName()] = true
		}
		if dup != "" {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.%s is set twice in a row; remove one, then run syncsweep -fix", r.fields[0].From, dup)})
			r.keepAll(pv.plan)
			continue
		}
		if fn := pv.enclosingFunc(r.stmts[0]); !pv.startup(fn) {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.Opts bypasses the lock facade; facade.SetDetectorOptions must run before the first lock (the deadlock backend panics otherwise), and %s may run later: move these settings to an init function (or main, or TestMain), then run syncsweep -fix", r.fields[0].From, funcName(fn))})
			r.keepAll(pv.plan)
			continue
		}
		if why := pv.optsValues(r); why != "" {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.Opts bypasses the lock facade; %s", r.fields[0].From, why)})
			r.keepAll(pv.plan)
			continue
		}
		r.text = pv.optsText(r)
		op.runs[r.first] = r
		for _, s := range r.stmts {
			op.claimed[s.Lhs[0].(*ast.SelectorExpr).X.(*ast.SelectorExpr)] = true
		}
	}
	return op
}

// optsText returns the function that prints a run's replacement once the
// facade's local name is known.
func (pv *prover) optsText(r *optsRun) func(name string) (string, error) {
	return func(name string) (string, error) {
		dec, err := pv.decorate(r.file)
		if err != nil {
			return "", err
		}
		lit := &dst.CompositeLit{Type: &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent("DetectorOptions")}}
		for i, s := range r.stmts {
			value := dst.Clone(dec.Dst.Nodes[s.Rhs[0]]).(dst.Expr)
			value.Decorations().Start, value.Decorations().End = nil, nil
			lit.Elts = append(lit.Elts, &dst.KeyValueExpr{Key: dst.NewIdent(r.fields[i].FacadeName()), Value: value})
		}
		stmt := &dst.ExprStmt{X: &dst.CallExpr{
			Fun:  &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent("SetDetectorOptions")},
			Args: []dst.Expr{lit},
		}}
		pos, end := r.stmts[0].Pos(), r.stmts[len(r.stmts)-1].End()
		tf := pv.sw.pass.Fset.File(pos)
		for _, c := range r.file.Comments {
			for _, com := range c.List {
				if pos <= com.Pos() && com.Pos() < end {
					if tf.Line(com.Pos()) == tf.Line(pos) {
						stmt.Decs.End.Append(com.Text) // it ended the run's first line: it ends the call's
					} else {
						stmt.Decs.Start.Append(com.Text)
					}
				}
			}
		}
		return pv.printStmts(pos, []dst.Stmt{stmt})
	}
}

// optsEdit returns the edit and message of a run's site.
func (r *optsRun) edit(name string) (analysis.TextEdit, string, error) {
	text, err := r.text(name)
	if err != nil {
		return analysis.TextEdit{}, "", err
	}
	var fields []string
	for _, f := range r.fields {
		fields = append(fields, strings.TrimPrefix(f.Name, f.Owner()+"."))
	}
	msg := fmt.Sprintf("Set %s through %s.SetDetectorOptions, before the first lock", strings.Join(fields, ", "), name)
	return analysis.TextEdit{Pos: r.stmts[0].Pos(), End: r.stmts[len(r.stmts)-1].End(), NewText: []byte(text)}, msg, nil
}

// missingOpts reports each detector option with no facade equivalent
// (deadlock.Opts.LogBuf, read or written) by its own row's reason.
func (pv *prover) missingOpts() {
	for _, f := range pv.sw.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			outer, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			inner, ok := outer.X.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			v, ok := pv.info.Uses[inner.Sel].(*types.Var)
			if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
				return true
			}
			row, ok := pv.sw.rules.Lookup(v.Pkg().Path(), v.Name()+"."+outer.Sel.Name)
			if ok && row.Kind == catalog.Field && row.Missing != "" {
				pv.plan.findings = append(pv.plan.findings, finding{outer.Pos(), outer.End(), fmt.Sprintf(
					"%s.%s bypasses the lock facade and has no facade equivalent: %s", row.From, row.Name, row.Missing)})
				pv.plan.keep[inner] = true
			}
			return true
		})
	}
}

// startup reports whether fn runs before anything else in the program: a
// package's init, main.main, or TestMain.
func (pv *prover) startup(fn ast.Node) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Recv != nil {
		return false
	}
	switch decl.Name.Name {
	case "init", "TestMain":
		return true
	case "main":
		return pv.sw.pass.Pkg.Name() == "main"
	}
	return false
}

func funcName(fn ast.Node) string {
	if decl, ok := fn.(*ast.FuncDecl); ok {
		return decl.Name.Name
	}
	return "a function literal"
}

// keepAll leaves a run as it is: its first reference carries the
// finding, the others are part of it.
func (r *optsRun) keepAll(p *plan) {
	for _, s := range r.stmts {
		inner := s.Lhs[0].(*ast.SelectorExpr).X.(*ast.SelectorExpr)
		p.keep[inner] = true
	}
}

// optsReadElsewhere returns a use of a deadlock package's Opts outside the
// runs' own assignments (a read, another field, the whole variable).
func (pv *prover) optsReadElsewhere(runs []*optsRun) (token.Pos, bool) {
	inRun := make(map[*ast.SelectorExpr]bool)
	for _, r := range runs {
		for _, s := range r.stmts {
			inRun[s.Lhs[0].(*ast.SelectorExpr).X.(*ast.SelectorExpr)] = true
		}
	}
	for _, f := range pv.sw.pass.Files {
		var at token.Pos
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || at.IsValid() {
				return !at.IsValid()
			}
			v, ok := pv.info.Uses[sel.Sel].(*types.Var)
			if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || inRun[sel] || pv.optsWrite(sel) {
				return true
			}
			if row, ok := pv.sw.rules.Lookup(v.Pkg().Path(), v.Name()); ok && row.Kind == catalog.Var && row.Missing != "" {
				at = sel.Pos()
			}
			return true
		})
		if at.IsValid() {
			return at, true
		}
	}
	return token.NoPos, false
}

// optsValues says why a run's values do not mean the same to the facade,
// or "". go-deadlock reads a DeadlockTimeout <= 0 as "no wait-time check",
// while the facade reads zero as "keep the default" and always checks
// waits, so only a positive constant timeout is the same setting.
func (pv *prover) optsValues(r *optsRun) string {
	for i, s := range r.stmts {
		if r.fields[i].FacadeName() != "Timeout" {
			continue
		}
		tv, ok := pv.info.Types[s.Rhs[0]]
		if !ok || tv.Value == nil {
			return fmt.Sprintf("its DeadlockTimeout %s is not a constant, and a zero or negative value means no wait-time check to go-deadlock but the default to the facade: set a positive constant, or set the facade's options yourself", pv.exprString(s.Rhs[0]))
		}
		if constant.Sign(tv.Value) <= 0 {
			return fmt.Sprintf("its DeadlockTimeout %s turns go-deadlock's wait-time check off, which the facade's deadlock backend cannot do alone (SYNCSWEEP_DEADLOCK=off turns the whole detector off)", pv.exprString(s.Rhs[0]))
		}
	}
	return ""
}

// optsWrite reports whether sel (pkg.Opts) is written as in
// "pkg.Opts.F = v", which reads nothing.
func (pv *prover) optsWrite(sel *ast.SelectorExpr) bool {
	outer, ok := pv.parents[sel].(*ast.SelectorExpr)
	if !ok {
		return false
	}
	as, ok := pv.parents[outer].(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN {
		return false
	}
	for _, l := range as.Lhs {
		if l == ast.Expr(outer) {
			return true
		}
	}
	return false
}
