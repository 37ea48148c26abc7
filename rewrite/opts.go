package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/dave/dst"
	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// The deadlock packages configure their detector by assigning fields of
// a package variable (deadlock.Opts.DeadlockTimeout = d), anywhere, at any
// time; the facade's options change at any time too, through
// facade.UpdateDetectorOptions, which hands a function the options set so
// far. A run of consecutive assignments becomes one such call, whose
// function makes the same assignments to the facade's fields, in order:
//
//	facade.UpdateDetectorOptions(func(o *facade.DetectorOptions) {
//		o.Log = w
//		o.Disable = !debug
//	})

// An optsRun is one run of consecutive detector option assignments.
type optsRun struct {
	stmts  []*ast.AssignStmt
	first  *ast.SelectorExpr // the first statement's pkg.Opts: the site
	fields []catalog.Row
	file   *ast.File
	text   func(name string) (string, error)
	end    token.Pos // the run's end, with the comment that ends its last line
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
					"%s.Opts bypasses the lock facade; the package also uses %s.Opts at %s, which would no longer see these settings once they went to facade.UpdateDetectorOptions", r.fields[0].From, r.first.X.(*ast.Ident).Name, pv.position(at))})
				r.keepAll(pv.plan)
			}
			return op
		}
	}
	if pv.sw.rules.Facade != catalog.DefaultFacade {
		for _, r := range runs {
			pv.plan.findings = append(pv.plan.findings, finding{r.first.Pos(), r.first.End(), fmt.Sprintf(
				"%s.Opts bypasses the lock facade; %s is not syncsweep's facade, whose UpdateDetectorOptions these settings would become: set them with your facade's own API", r.fields[0].From, pv.sw.rules.Facade)})
			r.keepAll(pv.plan)
		}
		return op
	}
	for _, r := range runs {
		r.text = pv.optsText(r)
		r.end = r.stmts[len(r.stmts)-1].End()
		tf := pv.sw.pass.Fset.File(r.end)
		for _, cg := range r.file.Comments {
			if cg.Pos() >= r.end && tf.Line(cg.Pos()) == tf.Line(r.end) {
				// It moves with its statement into the function (the
				// clone carries it), so the edit takes it too.
				r.end = cg.End()
				break
			}
		}
		op.runs[r.first] = r
		for _, s := range r.stmts {
			op.claimed[s.Lhs[0].(*ast.SelectorExpr).X.(*ast.SelectorExpr)] = true
		}
	}
	return op
}

// optsText returns the function that prints a run's replacement once the
// facade's local name is known: the run's statements, comments and all,
// inside the function UpdateDetectorOptions calls, each assigning the
// facade's field instead.
func (pv *prover) optsText(r *optsRun) func(name string) (string, error) {
	return func(name string) (string, error) {
		dec, err := pv.decorate(r.file)
		if err != nil {
			return "", err
		}
		param := pv.optsParam(r)
		body := &dst.BlockStmt{}
		for i, s := range r.stmts {
			as := dst.Clone(dec.Dst.Nodes[s]).(*dst.AssignStmt)
			as.Lhs = []dst.Expr{&dst.SelectorExpr{X: dst.NewIdent(param), Sel: dst.NewIdent(r.fields[i].FacadeName())}}
			if i == 0 {
				// The first statement's own comments stay above the call.
				as.Decs.Start = nil
			}
			as.Decs.Before, as.Decs.After = dst.NewLine, dst.NewLine
			body.List = append(body.List, as)
		}
		fn := &dst.FuncLit{
			Type: &dst.FuncType{Params: &dst.FieldList{List: []*dst.Field{{
				Names: []*dst.Ident{dst.NewIdent(param)},
				Type:  &dst.StarExpr{X: &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent("DetectorOptions")}},
			}}}},
			Body: body,
		}
		stmt := &dst.ExprStmt{X: &dst.CallExpr{
			Fun:  &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent("UpdateDetectorOptions")},
			Args: []dst.Expr{fn},
		}}
		return pv.printStmts(r.stmts[0].Pos(), []dst.Stmt{stmt})
	}
}

// optsParam names the function's parameter: o, unless the values use o.
func (pv *prover) optsParam(r *optsRun) string {
	used := map[string]bool{}
	for _, s := range r.stmts {
		ast.Inspect(s.Rhs[0], func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name] = true
			}
			return true
		})
	}
	for _, name := range []string{"o", "opts", "options", "detector"} {
		if !used[name] {
			return name
		}
	}
	return "detectorOptions"
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
	msg := fmt.Sprintf("Set %s through %s.UpdateDetectorOptions", strings.Join(fields, ", "), name)
	return analysis.TextEdit{Pos: r.stmts[0].Pos(), End: r.end, NewText: []byte(text)}, msg, nil
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
