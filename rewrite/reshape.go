package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/dave/dst/decorator"
	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// This file moves the guarded types (catalog.Guarded: a semaphore used as
// a mutex, xsync's RBMutex, a user's lock whose Lock returns an error)
// onto the facade. Their calls change shape (arguments dropped, a result
// that can never fail, a token), so the type of a variable or field moves
// only when every use of it is proven; otherwise the variable is reported
// with the reason and left as it is.

// A unit is one variable or struct field of a guarded type (T or *T).
type unit struct {
	v      *types.Var
	tn     *types.TypeName // the guarded type
	decl   token.Pos       // where v is declared
	reason string          // why it cannot move; "" when proven
	at     token.Pos       // where the reason applies
	// none, when set, says why no rewrite could move it: the facade has
	// no equivalent for what it is (catalog.Arg.NoEquivalent), so it is
	// information rather than a finding. what is that equivalent-less
	// thing, for the units its value reaches.
	none, what string
	from       []assigned // other units whose values it is assigned
	refs       []*ast.SelectorExpr
	ctors      []*ast.CallExpr
	calls      []*callFix
}

// assigned is a value of another unit assigned to a unit.
type assigned struct {
	src   *unit
	value ast.Expr
}

func (u *unit) fail(at token.Pos, format string, args ...any) {
	if u.reason == "" {
		u.reason, u.at = fmt.Sprintf(format, args...), at
	}
}

// failArg fails u for an argument that is not what a asks; when no
// rewrite could make it so (a weight that is not 1, a cancellable
// context), u has no facade equivalent.
func (u *unit) failArg(a catalog.Arg, at token.Pos, format string, args ...any) {
	if what := a.NoEquivalent(); what != "" && u.none == "" {
		u.none, u.what = fmt.Sprintf(format, args...), what
	}
	u.fail(at, format, args...)
}

// A callFix is the rewrite of one call of a guarded type's method: the
// edit, and the source ranges whose code it removes (dead handling).
type callFix struct {
	call    *ast.CallExpr
	row     catalog.Row
	file    *ast.File
	edit    analysis.TextEdit
	removed []span
	extra   []analysis.TextEdit // deletions of declarations it orphans
	msg     string
}

// A span is a range of source that a fix deletes.
type span struct{ pos, end token.Pos }

func (s span) holds(pos token.Pos) bool { return s.pos <= pos && pos < s.end }

// A spanSet is a union of spans, sorted and merged, for lookups in
// logarithmic time: a package may hold thousands of fixes.
type spanSet []span

func newSpanSet(spans []span) spanSet {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b span) int { return int(a.pos) - int(b.pos) })
	var out spanSet
	for _, s := range sorted {
		if n := len(out); n > 0 && s.pos < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// find returns the merged span that holds pos.
func (ss spanSet) find(pos token.Pos) (span, bool) {
	i, _ := slices.BinarySearchFunc(ss, pos, func(s span, p token.Pos) int {
		switch {
		case s.end <= p:
			return -1
		case s.pos > p:
			return 1
		}
		return 0
	})
	if i < len(ss) && ss[i].holds(pos) {
		return ss[i], true
	}
	return span{}, false
}

func (ss spanSet) holds(pos token.Pos) bool {
	_, ok := ss.find(pos)
	return ok
}

// A plan is the package-wide outcome of the proofs, which the per-file
// planning consults.
type plan struct {
	// move holds the type references and constructor selectors of
	// proven units: the sweep rewrites them as sites.
	move  map[*ast.SelectorExpr]bool
	ctors map[*ast.SelectorExpr]*ast.CallExpr
	// keep holds guarded selectors left alone.
	keep map[*ast.SelectorExpr]bool
	// findings are the unfixable reports, by position.
	findings []finding
	// wrapped holds third-party types ("path.Name") whose embedded
	// field the package names (t.once.Once.Do): they stay.
	wrapped map[string]bool
	calls   map[*ast.File][]*callFix
	removed map[*ast.File][]span
	merged  map[*ast.File]spanSet // removed, merged; made on first use
	opts    *optsPlan
}

type finding struct {
	pos, end token.Pos
	msg      string
}

// inRemoved reports whether pos lies in code that a fix of f deletes.
func (p *plan) inRemoved(f *ast.File, pos token.Pos) bool {
	if p == nil || len(p.removed[f]) == 0 {
		return false
	}
	if p.merged == nil {
		p.merged = make(map[*ast.File]spanSet)
	}
	ss, ok := p.merged[f]
	if !ok {
		ss = newSpanSet(p.removed[f])
		p.merged[f] = ss
	}
	return ss.holds(pos)
}

// needsPlan reports whether the package imports a source package with
// guarded types or detector options, so that the proofs have work to do.
func (sw *sweeper) needsPlan() bool {
	for _, imp := range sw.pass.Pkg.Imports() {
		if !sw.rules.Covers(imp.Path()) {
			continue
		}
		scope := imp.Scope()
		for _, name := range scope.Names() {
			if sw.rules.Guarded(imp.Path(), name) {
				return true
			}
		}
		if _, ok := sw.rules.Lookup(imp.Path(), "Opts"); ok {
			return true
		}
		if !catalog.IsStd(imp.Path()) {
			return true // wrappers whose embedded fields code may name
		}
	}
	return false
}

// prover holds what the proofs of one package share.
type prover struct {
	sw      *sweeper
	info    *types.Info
	parents map[ast.Node]ast.Node
	fileOf  map[ast.Node]*ast.File // top-level declarations' files
	swept   map[*ast.File]bool     // files the sweep rewrites by type
	units   map[*types.Var]*unit
	params  map[*types.Var]bool
	// assigns holds each local variable's assigned values; a nil entry
	// means an assignment whose value is unknown (a tuple, a range).
	assigns map[*types.Var][]ast.Expr
	handled map[ast.Node]bool // uses already classified
	plan    *plan
	// decorators holds the dst form of the files with dead handling.
	decorators map[*ast.File]*decorator.Decorator
	uses       map[types.Object][]*ast.Ident // see usesOf
	defs       map[types.Object]*ast.Ident   // see declStmt
	dead       spanSet                       // see insideDeadCode
}

// usesOf returns the identifiers that use obj, from an index built once:
// the proofs ask for many objects, and a package has many identifiers.
func (pv *prover) usesOf(obj types.Object) []*ast.Ident {
	if pv.uses == nil {
		pv.uses = make(map[types.Object][]*ast.Ident)
		for id, o := range pv.info.Uses {
			if _, ok := o.(*types.Var); ok {
				pv.uses[o] = append(pv.uses[o], id)
			}
		}
	}
	return pv.uses[obj]
}

// planPackage runs the proofs over the package's type-checked files.
func (sw *sweeper) planPackage(swept map[*ast.File]bool) *plan {
	pv := &prover{
		sw:      sw,
		info:    sw.pass.TypesInfo,
		parents: make(map[ast.Node]ast.Node),
		fileOf:  make(map[ast.Node]*ast.File),
		swept:   swept,
		units:   make(map[*types.Var]*unit),
		params:  make(map[*types.Var]bool),
		assigns: make(map[*types.Var][]ast.Expr),
		handled: make(map[ast.Node]bool),
		plan: &plan{
			move:    make(map[*ast.SelectorExpr]bool),
			ctors:   make(map[*ast.SelectorExpr]*ast.CallExpr),
			keep:    make(map[*ast.SelectorExpr]bool),
			calls:   make(map[*ast.File][]*callFix),
			removed: make(map[*ast.File][]span),
		},
	}
	for _, f := range sw.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				pv.parents[n] = stack[len(stack)-1]
			} else {
				pv.fileOf[n] = f
			}
			stack = append(stack, n)
			return true
		})
	}
	pv.collect()
	pv.wrappers()
	pv.classify()
	pv.plan.opts = pv.planOpts()
	pv.settle()
	return pv.plan
}

// guarded returns the guarded named type that t is, or points to.
func (pv *prover) guarded(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	tn := named.Obj()
	if !pv.sw.rules.Guarded(tn.Pkg().Path(), tn.Name()) {
		return nil
	}
	return tn
}

// file returns the file that holds n.
func (pv *prover) file(n ast.Node) *ast.File {
	for n != nil {
		if f, ok := n.(*ast.File); ok {
			return f
		}
		n = pv.parents[n]
	}
	return nil
}

func (pv *prover) position(pos token.Pos) string {
	p := pv.sw.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", shortName(p.Filename), p.Line)
}

func shortName(filename string) string {
	if i := strings.LastIndexAny(filename, `/\`); i >= 0 {
		return filename[i+1:]
	}
	return filename
}

// collect finds the units, the parameters, and each local variable's
// assignments.
func (pv *prover) collect() {
	pkg := pv.sw.pass.Pkg
	for id, obj := range pv.info.Defs {
		v, ok := obj.(*types.Var)
		if !ok {
			continue
		}
		if tn := pv.guarded(v.Type()); tn != nil {
			u := &unit{v: v, tn: tn, decl: id.Pos()}
			pv.units[v] = u
			if v.Embedded() {
				u.fail(id.Pos(), "it is embedded, so its methods are promoted to the outer type")
			} else if v.Exported() && pkg.Name() != "main" && (v.IsField() || v.Parent() == pkg.Scope()) {
				u.fail(id.Pos(), "it is exported, so other packages may use it in ways syncsweep cannot see from here")
			}
		}
	}
	for _, f := range pv.sw.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncType:
				for _, list := range []*ast.FieldList{n.Params, n.Results} {
					if list == nil {
						continue
					}
					for _, fld := range list.List {
						for _, name := range fld.Names {
							if v, ok := pv.info.Defs[name].(*types.Var); ok {
								pv.params[v] = true
							}
						}
					}
				}
			case *ast.FuncDecl:
				if n.Recv != nil {
					for _, fld := range n.Recv.List {
						for _, name := range fld.Names {
							if v, ok := pv.info.Defs[name].(*types.Var); ok {
								pv.params[v] = true
							}
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := ast.Unparen(lhs).(*ast.Ident)
					if !ok {
						continue
					}
					v := pv.localVar(id)
					if v == nil {
						continue
					}
					var rhs ast.Expr
					if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
						rhs = n.Rhs[i]
					}
					pv.assigns[v] = append(pv.assigns[v], rhs)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					v := pv.localVar(id)
					if v == nil {
						continue
					}
					var rhs ast.Expr
					if len(n.Values) == len(n.Names) {
						rhs = n.Values[i]
					}
					pv.assigns[v] = append(pv.assigns[v], rhs)
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if v := pv.localVar(id); v != nil {
							pv.assigns[v] = append(pv.assigns[v], nil)
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					if v := pv.localVar(id); v != nil {
						pv.assigns[v] = append(pv.assigns[v], nil) // may change through the pointer
					}
				}
			}
			return true
		})
	}
	for v, u := range pv.units {
		if pv.params[v] {
			u.fail(u.decl, "it is a parameter or result, so its callers' values would have to move too")
		}
	}
}

// localVar returns the function-local variable that id defines or uses.
func (pv *prover) localVar(id *ast.Ident) *types.Var {
	obj := pv.info.Defs[id]
	if obj == nil {
		obj = pv.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pkg() != pv.sw.pass.Pkg || v.Parent() == v.Pkg().Scope() || v.Parent() == nil {
		return nil
	}
	return v
}

// unitOf returns the unit that expression e (a variable, or a field
// selection) denotes.
func (pv *prover) unitOf(e ast.Expr) *unit {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := pv.info.Uses[e].(*types.Var); ok {
			return pv.units[v]
		}
		if v, ok := pv.info.Defs[e].(*types.Var); ok {
			return pv.units[v]
		}
	case *ast.SelectorExpr:
		if sel, ok := pv.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			if v, ok := sel.Obj().(*types.Var); ok {
				return pv.units[v]
			}
		}
	}
	return nil
}

// foreign reports a use of a guarded type's variable declared elsewhere.
func (pv *prover) foreignVar(e ast.Expr) *types.Var {
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = pv.info.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := pv.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			obj = sel.Obj()
		} else {
			obj = pv.info.Uses[e.Sel]
		}
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == pv.sw.pass.Pkg || pv.guarded(v.Type()) == nil {
		return nil
	}
	return v
}

// classify visits every use of every unit, every constructor call and
// every reference to a guarded type.
func (pv *prover) classify() {
	for _, f := range pv.sw.pass.Files {
		swept := pv.swept[f]
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				pv.assignment(n, n.Lhs, n.Rhs, swept)
			case *ast.ValueSpec:
				var lhs []ast.Expr
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				pv.assignment(n, lhs, n.Values, swept)
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := pv.info.Uses[id].(*types.Var); ok && v.IsField() {
						if u := pv.units[v]; u != nil {
							pv.handled[id] = true
							pv.bind(u, n.Value, swept)
						}
					}
				}
			case *ast.SelectorExpr:
				pv.selector(n, swept)
			case *ast.Ident:
				if pv.handled[n] {
					return true
				}
				if v, ok := pv.info.Uses[n].(*types.Var); ok {
					if u := pv.units[v]; u != nil {
						pv.use(u, n, swept)
					}
				}
			}
			return true
		})
	}
}

// assignment binds the values assigned to units.
func (pv *prover) assignment(n ast.Node, lhs, rhs []ast.Expr, swept bool) {
	for i, l := range lhs {
		u := pv.unitOf(l)
		if u == nil {
			continue
		}
		pv.handled[l] = true
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			pv.handled[sel.Sel] = true
			pv.handled[sel] = true
		}
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			u.fail(l.Pos(), "it is updated by %s at %s", as.Tok, pv.position(l.Pos()))
			continue
		}
		if len(rhs) == 0 {
			continue // var x T: the zero value
		}
		if len(rhs) != len(lhs) {
			u.fail(l.Pos(), "it is assigned a function's result at %s", pv.position(l.Pos()))
			continue
		}
		pv.bind(u, rhs[i], swept)
	}
}

// bind checks a value assigned to u: only a constructor that the catalog
// maps (semaphore.NewWeighted(1), xsync.NewRBMutex()) is proven.
func (pv *prover) bind(u *unit, value ast.Expr, swept bool) {
	if sel := pv.zeroValue(u, value); sel != nil {
		pv.handled[sel] = true
		if ctor := pv.ctorOfType(u.tn); ctor.Name != "" && len(ctor.Args) > 0 {
			u.fail(value.Pos(), "it is assigned %s at %s, whose zero value is not what %s makes", pv.exprString(value), pv.position(value.Pos()), ctor.Name)
			return
		}
		if !swept {
			u.fail(value.Pos(), "it is assigned in %s, which syncsweep does not rewrite", shortName(pv.sw.pass.Fset.Position(value.Pos()).Filename))
			return
		}
		u.refs = append(u.refs, sel)
		return
	}
	call, ok := ast.Unparen(value).(*ast.CallExpr)
	if !ok {
		if src := pv.unitOf(value); src != nil && src != u {
			u.from = append(u.from, assigned{src, value}) // see settle
		}
		u.fail(value.Pos(), "it is assigned %s at %s, not a constructor syncsweep maps", pv.exprString(value), pv.position(value.Pos()))
		return
	}
	sel, row, ok := pv.ctorRow(call)
	if !ok {
		u.fail(value.Pos(), "it is assigned %s at %s, not a constructor syncsweep maps", pv.exprString(value), pv.position(value.Pos()))
		return
	}
	pv.handled[call] = true
	if !swept {
		u.fail(value.Pos(), "it is assigned in %s, which syncsweep does not rewrite", shortName(pv.sw.pass.Fset.Position(value.Pos()).Filename))
		return
	}
	for i, a := range row.Args {
		if i >= len(call.Args) {
			break
		}
		if why := pv.checkArg(u, a, call.Args[i]); why != "" {
			u.failArg(a, call.Pos(), "%s at %s: %s", pv.exprString(call), pv.position(call.Pos()), why)
			return
		}
	}
	u.ctors = append(u.ctors, call)
	pv.plan.ctors[sel] = call
}

// ctorRow returns the catalog row of a constructor call.
func (pv *prover) ctorRow(call *ast.CallExpr) (*ast.SelectorExpr, catalog.Row, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, catalog.Row{}, false
	}
	fn, ok := pv.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, catalog.Row{}, false
	}
	row, ok := pv.sw.rules.Lookup(fn.Pkg().Path(), fn.Name())
	if !ok || row.Result != catalog.New || row.Missing != "" {
		return nil, catalog.Row{}, false
	}
	return sel, row, true
}

// selector handles a qualified reference to a guarded type or
// constructor, and a field selection of a unit.
func (pv *prover) selector(n *ast.SelectorExpr, swept bool) {
	if pv.handled[n] {
		return
	}
	if u := pv.unitOf(n); u != nil {
		if sel, ok := pv.info.Selections[n]; ok && sel.Kind() == types.FieldVal {
			pv.handled[n.Sel] = true
			pv.use(u, n, swept)
		}
		return
	}
	obj := pv.info.Uses[n.Sel]
	if obj == nil || obj.Pkg() == nil {
		return
	}
	if _, ok := pv.info.Uses[identOf(n.X)].(*types.PkgName); !ok {
		if v := pv.foreignVar(n); v != nil && pv.isMethodRecv(n) {
			pv.plan.findings = append(pv.plan.findings, finding{n.Pos(), n.End(), fmt.Sprintf(
				"%s is a %s declared in package %s; it moves only with its declaration", pv.exprString(n), pv.typeString(v.Type()), v.Pkg().Path())})
		}
		return
	}
	switch obj := obj.(type) {
	case *types.TypeName:
		if pv.guarded(obj.Type()) != nil {
			pv.typeRef(n)
		}
	case *types.Func:
		call, ok := pv.parents[n].(*ast.CallExpr)
		if _, row, isCtor := pv.ctorRowOf(obj); isCtor {
			if !ok || call.Fun != n || !pv.handled[call] {
				pv.plan.keep[n] = true
				pv.plan.findings = append(pv.plan.findings, finding{n.Pos(), n.End(), fmt.Sprintf(
					"%s.%s bypasses the lock facade; syncsweep moves its result to %s only when it is stored in a variable or field whose every use it can prove", obj.Pkg().Path(), obj.Name(), row.FacadeName())})
			}
		}
	}
}

func (pv *prover) ctorRowOf(fn *types.Func) (*types.Func, catalog.Row, bool) {
	row, ok := pv.sw.rules.Lookup(fn.Pkg().Path(), fn.Name())
	return fn, row, ok && row.Result == catalog.New && row.Missing == ""
}

func (pv *prover) isMethodRecv(n ast.Expr) bool {
	p, ok := pv.parents[n].(*ast.SelectorExpr)
	return ok && p.X == n
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// typeRef attaches a reference to a guarded type to the units it declares.
func (pv *prover) typeRef(ref *ast.SelectorExpr) {
	var e ast.Node = ref
	if star, ok := pv.parents[e].(*ast.StarExpr); ok && star.X == ref {
		e = star
	}
	var names []*ast.Ident
	switch p := pv.parents[e].(type) {
	case *ast.Field:
		if p.Type == e {
			names = p.Names
			if len(names) == 0 {
				names = nil // embedded: no unit to attach to
			}
		}
	case *ast.ValueSpec:
		if p.Type == e {
			names = p.Names
		}
	}
	if len(names) == 0 {
		pv.plan.keep[ref] = true
		pv.plan.findings = append(pv.plan.findings, finding{ref.Pos(), ref.End(), fmt.Sprintf(
			"%s bypasses the lock facade; syncsweep moves it only as the type of a variable or field whose every use it can prove, not here", pv.refString(ref))})
		return
	}
	for _, id := range names {
		if v, ok := pv.info.Defs[id].(*types.Var); ok {
			if u := pv.units[v]; u != nil {
				u.refs = append(u.refs, ref)
			}
		}
	}
}

func (pv *prover) refString(ref *ast.SelectorExpr) string {
	if obj := pv.info.Uses[ref.Sel]; obj != nil && obj.Pkg() != nil {
		return obj.Pkg().Path() + "." + obj.Name()
	}
	return pv.exprString(ref)
}

// use classifies one use of a unit: the receiver of a method call, or
// anything else, which cannot be proven.
func (pv *prover) use(u *unit, e ast.Expr, swept bool) {
	p, ok := pv.parents[e].(*ast.SelectorExpr)
	if ok && p.X == e {
		sel, ok := pv.info.Selections[p]
		if ok && sel.Kind() == types.MethodVal {
			call, ok := pv.parents[p].(*ast.CallExpr)
			if !ok || call.Fun != p {
				u.fail(p.Pos(), "its method %s is used as a value at %s", p.Sel.Name, pv.position(p.Pos()))
				return
			}
			if !swept {
				u.fail(p.Pos(), "%s calls %s, and syncsweep does not rewrite that file", shortName(pv.sw.pass.Fset.Position(p.Pos()).Filename), p.Sel.Name)
				return
			}
			pv.methodCall(u, call, p)
			return
		}
		if ok && sel.Kind() == types.FieldVal {
			u.fail(p.Pos(), "its field %s is used at %s", p.Sel.Name, pv.position(p.Pos()))
			return
		}
	}
	u.fail(e.Pos(), "it is used as a value at %s (%s)", pv.position(e.Pos()), pv.context(e))
}

// context names what an expression feeds, for messages.
func (pv *prover) context(e ast.Expr) string {
	switch p := pv.parents[e].(type) {
	case *ast.CallExpr:
		return "passed to " + pv.exprString(p.Fun)
	case *ast.ReturnStmt:
		return "returned"
	case *ast.AssignStmt, *ast.ValueSpec:
		return "stored"
	case *ast.CompositeLit, *ast.KeyValueExpr:
		return "stored in a composite literal"
	case *ast.BinaryExpr:
		return "compared"
	case *ast.UnaryExpr:
		return "its address is taken"
	}
	return pv.exprString(e)
}

func (pv *prover) exprString(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func (pv *prover) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// checkArg says why an argument is not what the row's Arg asks, or "".
func (pv *prover) checkArg(u *unit, a catalog.Arg, arg ast.Expr) string {
	switch a {
	case catalog.Keep:
		return ""
	case catalog.One:
		tv, ok := pv.info.Types[arg]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Compare(tv.Value, token.NEQ, constant.MakeInt64(1)) {
			return fmt.Sprintf("weight %s is not the constant 1, so it is no mutex", pv.exprString(arg))
		}
	case catalog.Background:
		if !pv.neverCancelled(arg, 0) {
			return fmt.Sprintf("context %s may be cancelled, and then the call fails", pv.exprString(arg))
		}
	case catalog.Pure:
		if !pure(arg) {
			return fmt.Sprintf("argument %s may have side effects", pv.exprString(arg))
		}
	case catalog.Token:
		// Checked by the read lock's token (tokenOK).
	}
	return ""
}

// neverCancelled reports whether ctx is context.Background() or
// context.TODO(), or a local variable bound only to those.
func (pv *prover) neverCancelled(ctx ast.Expr, depth int) bool {
	switch e := ast.Unparen(ctx).(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		fn, ok := pv.info.Uses[sel.Sel].(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "context" && (fn.Name() == "Background" || fn.Name() == "TODO")
	case *ast.Ident:
		v := pv.localVar(e)
		if v == nil || pv.params[v] || depth > 4 {
			return false
		}
		values := pv.assigns[v]
		if len(values) == 0 {
			return false
		}
		for _, rhs := range values {
			if rhs == nil || !pv.neverCancelled(rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// pure reports whether evaluating e has no side effects.
func pure(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return pure(e.X)
	case *ast.SelectorExpr:
		return pure(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && pure(e.X)
	case *ast.BinaryExpr:
		return pure(e.X) && pure(e.Y)
	}
	return false
}

// methodCall proves one call of a unit's method and plans its rewrite.
func (pv *prover) methodCall(u *unit, call *ast.CallExpr, sel *ast.SelectorExpr) {
	row, ok := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name()+"."+sel.Sel.Name)
	if !ok {
		row, ok = pv.implicitRow(u, sel)
	}
	if !ok {
		u.fail(sel.Pos(), "it calls %s at %s, which has no catalog row", sel.Sel.Name, pv.position(sel.Pos()))
		return
	}
	if row.Missing != "" {
		u.fail(sel.Pos(), "it calls %s at %s: %s", sel.Sel.Name, pv.position(sel.Pos()), row.Missing)
		return
	}
	if call.Ellipsis.IsValid() {
		u.fail(sel.Pos(), "it calls %s with ... at %s", sel.Sel.Name, pv.position(sel.Pos()))
		return
	}
	var kept []ast.Expr
	for i, arg := range call.Args {
		a := catalog.Pure
		if i < len(row.Args) {
			a = row.Args[i]
		}
		if a == catalog.Keep {
			kept = append(kept, arg)
			continue
		}
		if a == catalog.Token {
			if why := pv.tokenArg(u, arg); why != "" {
				u.fail(arg.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(arg.Pos()), why)
				return
			}
			continue
		}
		if why := pv.checkArg(u, a, arg); why != "" {
			u.failArg(a, arg.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(arg.Pos()), why)
			return
		}
	}
	f := pv.file(call)
	fix := &callFix{call: call, row: row, file: f}
	switch row.Result {
	case catalog.Same:
		if len(kept) < len(call.Args) && pv.droppedComments(f, call, kept) {
			// The statement is rebuilt with the comment above it;
			// inside an expression there is no place for it.
			stmt, ok := pv.parents[call].(ast.Stmt)
			switch stmt.(type) {
			case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
			default:
				ok = false
			}
			if !ok {
				u.fail(call.Pos(), "%s at %s: a comment inside the arguments it drops would be lost", sel.Sel.Name, pv.position(call.Pos()))
				return
			}
			if why := pv.replace(fix, []ast.Node{stmt}, call, row, kept, nil); why != "" {
				u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
				return
			}
			break
		}
		fix.edit = pv.callEdit(fix, sel, call, kept)
	case catalog.Tokens:
		why := pv.tokenResult(u, call, sel, fix)
		if why != "" {
			u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
			return
		}
	case catalog.Nil, catalog.True:
		why := pv.deadHandling(call, sel, row, fix, kept)
		if why != "" {
			u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
			return
		}
	default:
		u.fail(call.Pos(), "%s has a result syncsweep does not handle", sel.Sel.Name)
		return
	}
	how := map[catalog.Result]string{
		catalog.Nil:    ", which cannot fail, so its error handling goes",
		catalog.True:   ", which always succeeds, so the handling of failure goes",
		catalog.Tokens: ", with no token",
	}[row.Result]
	fix.msg = fmt.Sprintf("%s.%s.%s bypasses the lock facade; %s moves to %s, where this call is %s()%s",
		u.tn.Pkg().Path(), u.tn.Name(), sel.Sel.Name, u.v.Name(), pv.facadeType(u), row.FacadeName(), how)
	u.calls = append(u.calls, fix)
}

func (pv *prover) facadeType(u *unit) string {
	row, _ := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name())
	return "facade." + row.FacadeName()
}

// callEdit renames the method and drops the arguments the facade's method
// does not take: from the selector's name to the closing parenthesis.
func (pv *prover) callEdit(fix *callFix, sel *ast.SelectorExpr, call *ast.CallExpr, kept []ast.Expr) analysis.TextEdit {
	var args []string
	for _, a := range kept {
		args = append(args, pv.source(a))
	}
	if len(kept) < len(call.Args) {
		fix.removed = append(fix.removed, span{call.Lparen + 1, call.Rparen})
	}
	return analysis.TextEdit{Pos: sel.Sel.Pos(), End: call.Rparen + 1, NewText: []byte(fix.row.FacadeName() + "(" + strings.Join(args, ", ") + ")")}
}

// source returns the source text of a node.
func (pv *prover) source(n ast.Node) string {
	tf := pv.sw.pass.Fset.File(n.Pos())
	src, err := pv.sw.readFile(tf.Name())
	if err != nil {
		return types.ExprString(n.(ast.Expr))
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// tokenArg checks the token argument of a read unlock: a local variable
// that the same lock's read lock defined, used for nothing else.
func (pv *prover) tokenArg(u *unit, arg ast.Expr) string {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return fmt.Sprintf("the token %s is not a local variable", pv.exprString(arg))
	}
	v := pv.localVar(id)
	if v == nil {
		return fmt.Sprintf("the token %s is not a local variable", id.Name)
	}
	values := pv.assigns[v]
	if len(values) != 1 {
		return fmt.Sprintf("the token %s is assigned more than once", id.Name)
	}
	return ""
}

// tokenResult checks the read lock's token: t := m.RLock() with t used
// only as the argument of m.RUnlock, or a discarded token.
func (pv *prover) tokenResult(u *unit, call *ast.CallExpr, sel *ast.SelectorExpr, fix *callFix) string {
	switch p := pv.parents[call].(type) {
	case *ast.ExprStmt:
		fix.edit = pv.callEdit(fix, sel, call, nil)
		return ""
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Tok != token.DEFINE {
			return "its token is not kept in a new local variable"
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return "its token is not kept in a new local variable"
		}
		if id.Name == "_" {
			break
		}
		v, ok := pv.info.Defs[id].(*types.Var)
		if !ok {
			return "its token is not kept in a new local variable"
		}
		if why := pv.tokenUses(u, v, sel.X); why != "" {
			return why
		}
		// "t := m.RLock()" becomes "m.RLock()".
		fix.edit = analysis.TextEdit{Pos: p.Pos(), End: p.End(), NewText: []byte(pv.source(sel.X) + "." + fix.row.FacadeName() + "()")}
		fix.removed = append(fix.removed, span{p.Pos(), call.Pos()})
		return ""
	}
	return "its token is used, not kept in a local variable for RUnlock"
}

// tokenUses checks that every use of the token v is the argument of the
// read unlock of the same lock expression.
func (pv *prover) tokenUses(u *unit, v *types.Var, lock ast.Expr) string {
	for _, id := range pv.usesOf(v) {
		call, ok := pv.parents[id].(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || call.Args[0] != ast.Expr(id) {
			return fmt.Sprintf("its token %s is used at %s other than by RUnlock", v.Name(), pv.position(id.Pos()))
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || pv.unitOf(sel.X) != u || types.ExprString(sel.X) != types.ExprString(lock) {
			return fmt.Sprintf("its token %s is passed at %s to another call than this lock's RUnlock", v.Name(), pv.position(id.Pos()))
		}
		row, ok := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name()+"."+sel.Sel.Name)
		if !ok || len(row.Args) != 1 || row.Args[0] != catalog.Token {
			return fmt.Sprintf("its token %s is passed to %s at %s", v.Name(), sel.Sel.Name, pv.position(id.Pos()))
		}
	}
	return ""
}

// settle decides each unit, records the fixes of proven ones, and the
// findings of the others. Failures spread: a type reference shared by
// two variables moves only with both, and dead code that holds another
// lock's call, or is the last reader of a local variable that cannot go
// with it, keeps its lock. The loop ends because units only ever fail.
func (pv *prover) settle() {
	for _, u := range pv.units {
		if u.reason == "" && len(u.refs) == 0 && len(u.ctors) == 0 && len(u.calls) > 0 {
			u.fail(u.decl, "its type comes from an expression syncsweep does not rewrite")
		}
		if _, ok := types.Unalias(u.v.Type()).(*types.Pointer); !ok && u.reason == "" {
			if ctor := pv.ctorOfType(u.tn); ctor.Name != "" && len(ctor.Args) > 0 {
				u.fail(u.decl, "its zero value is not what %s makes", ctor.Name)
			}
		}
	}
	pv.directives()
	pv.excludedCalls()
	var deletions map[*types.Var]analysis.TextEdit
	for changed := true; changed; {
		changed = false
		refFailed := make(map[*ast.SelectorExpr]bool)
		for _, u := range pv.units {
			if u.reason != "" {
				for _, r := range u.refs {
					refFailed[r] = true
				}
			}
		}
		var spans []span
		for _, u := range pv.units {
			if u.reason != "" {
				continue
			}
			for _, r := range u.refs {
				if refFailed[r] {
					u.fail(r.Pos(), "it shares its declaration with a variable that cannot move")
					changed = true
				}
			}
			for _, c := range u.calls {
				spans = append(spans, c.removed...)
			}
		}
		var stuck map[*types.Var]token.Pos
		deletions, stuck = pv.orphans(spans)
		for v, at := range stuck {
			for _, u := range pv.units {
				if u.reason != "" {
					continue
				}
				for _, c := range u.calls {
					for _, s := range c.removed {
						if s.holds(at) {
							u.fail(at, "the code it removes is the last to read %s, whose declaration syncsweep cannot remove", v.Name())
							changed = true
						}
					}
				}
			}
		}
	}
	// A unit that holds another's value has no equivalent when that one
	// has none (a local copy of a counting semaphore's field).
	for changed := true; changed; {
		changed = false
		for _, u := range pv.units {
			if u.none != "" {
				continue
			}
			for _, a := range u.from {
				if a.src.none != "" {
					u.none = fmt.Sprintf("it is assigned %s at %s", pv.exprString(a.value), pv.position(a.value.Pos()))
					u.what = a.src.what
					changed = true
					break
				}
			}
		}
	}
	var dead []span
	for _, u := range pv.units {
		if u.reason == "" {
			for _, c := range u.calls {
				dead = append(dead, c.removed...)
			}
		}
	}
	pv.dead = newSpanSet(dead)
	for _, u := range pv.units {
		if u.reason == "" && len(u.refs) == 0 && len(u.ctors) == 0 && len(u.calls) == 0 {
			continue
		}
		if u.reason != "" {
			for _, r := range u.refs {
				pv.plan.keep[r] = true
			}
			for _, c := range u.ctors {
				pv.plan.keep[c.Fun.(*ast.SelectorExpr)] = true
			}
			pos := u.decl
			if len(u.refs) > 0 {
				pos = u.refs[0].Pos()
			}
			if u.none != "" && !pv.sw.rules.ReportNoEquivalent {
				// Nothing the user could do would move it: not a
				// finding, but said by -fix and -stats.
				pv.sw.res.Stays = append(pv.sw.res.Stays, Stay{
					Pos: pv.sw.pass.Fset.Position(pos),
					Message: fmt.Sprintf("%s stays %s.%s, %s: %s",
						u.v.Name(), u.tn.Pkg().Path(), u.tn.Name(), u.what, u.none),
				})
				continue
			}
			pv.plan.findings = append(pv.plan.findings, finding{pos, pos, fmt.Sprintf(
				"%s.%s bypasses the lock facade; %s cannot move to %s: %s",
				u.tn.Pkg().Path(), u.tn.Name(), u.v.Name(), pv.facadeType(u), u.reason)})
			continue
		}
		for _, r := range u.refs {
			pv.plan.move[r] = true
		}
		for _, c := range u.ctors {
			pv.plan.move[c.Fun.(*ast.SelectorExpr)] = true
		}
		for _, c := range u.calls {
			if pv.insideDeadCode(c) {
				continue // another lock's fix removes it with its dead code
			}
			pv.plan.calls[c.file] = append(pv.plan.calls[c.file], c)
			pv.plan.removed[c.file] = append(pv.plan.removed[c.file], c.removed...)
		}
	}
	// A declaration that only removed code read goes too; its fix rides
	// with each call whose removal orphans it (identical edits merge).
	for v, del := range deletions {
		f := pv.file(pv.declStmt(v))
		pv.plan.removed[f] = append(pv.plan.removed[f], span{del.Pos, del.End})
		for _, c := range pv.plan.calls[f] {
			for _, s := range c.removed {
				if pv.readsIn(v, s) {
					c.extra = append(c.extra, del)
				}
			}
		}
	}
}

// ctorOfType returns the constructor row of a guarded type, if any.
func (pv *prover) ctorOfType(tn *types.TypeName) catalog.Row {
	typeRow, _ := pv.sw.rules.Lookup(tn.Pkg().Path(), tn.Name())
	for _, r := range catalog.Rows {
		if r.From == tn.Pkg().Path() && r.Result == catalog.New && r.As == typeRow.FacadeName() {
			return r
		}
	}
	return catalog.Row{}
}

// readsIn reports whether v is read inside s.
func (pv *prover) readsIn(v *types.Var, s span) bool {
	for _, id := range pv.usesOf(v) {
		if s.holds(id.Pos()) && !pv.isWrite(id) {
			return true
		}
	}
	return false
}

// orphans finds the local variables that only the removed code reads.
// Those declared by a statement syncsweep can delete ("ctx :=
// context.Background()", "var err error") get a deletion; the others are
// stuck, with the position of a read.
func (pv *prover) orphans(spans []span) (map[*types.Var]analysis.TextEdit, map[*types.Var]token.Pos) {
	inSpans := newSpanSet(spans).holds
	readOutside := make(map[*types.Var]bool)
	readInside := make(map[*types.Var]token.Pos)
	for id, obj := range pv.info.Uses {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || v.Pkg() != pv.sw.pass.Pkg || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || inSpans(v.Pos()) || pv.params[v] {
			continue
		}
		switch {
		case inSpans(id.Pos()):
			readInside[v] = id.Pos()
		case !pv.isWrite(id):
			readOutside[v] = true
		}
	}
	deletions := make(map[*types.Var]analysis.TextEdit)
	stuck := make(map[*types.Var]token.Pos)
	for v, at := range readInside {
		if readOutside[v] {
			continue
		}
		if del, ok := pv.deletion(v, inSpans); ok {
			deletions[v] = del
		} else {
			stuck[v] = at
		}
	}
	return deletions, stuck
}

// declStmt returns the statement that declares the local variable v.
func (pv *prover) declStmt(v *types.Var) ast.Node {
	if pv.defs == nil {
		pv.defs = make(map[types.Object]*ast.Ident)
		for id, obj := range pv.info.Defs {
			if obj != nil {
				pv.defs[obj] = id
			}
		}
	}
	id := pv.defs[v]
	if id == nil {
		return nil
	}
	for p := pv.parents[id]; p != nil; p = pv.parents[p] {
		if s, ok := p.(ast.Stmt); ok {
			return s
		}
	}
	return nil
}

// deletion returns the edit that removes v's declaration: a statement
// that declares v alone, from a value without side effects, and no other
// write to v outside the removed code.
func (pv *prover) deletion(v *types.Var, inSpans func(token.Pos) bool) (analysis.TextEdit, bool) {
	stmt := pv.declStmt(v)
	var values []ast.Expr
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return analysis.TextEdit{}, false
		}
		values = s.Rhs
	case *ast.DeclStmt:
		gd := s.Decl.(*ast.GenDecl)
		if len(gd.Specs) != 1 {
			return analysis.TextEdit{}, false
		}
		vs, ok := gd.Specs[0].(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 {
			return analysis.TextEdit{}, false
		}
		values = vs.Values
	default:
		return analysis.TextEdit{}, false
	}
	for _, e := range values {
		if !pure(e) && !pv.neverCancelled(e, 0) {
			return analysis.TextEdit{}, false
		}
	}
	for _, id := range pv.usesOf(v) {
		if !inSpans(id.Pos()) {
			return analysis.TextEdit{}, false // written elsewhere
		}
	}
	// The whole line when the statement is alone on it.
	tf := pv.sw.pass.Fset.File(stmt.Pos())
	src, err := pv.sw.readFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	start, end := lineSpan(tf, stmt.Pos(), stmt.End())
	line := string(src[tf.Offset(start):tf.Offset(end)])
	if strings.TrimSpace(line) == strings.TrimSpace(string(src[tf.Offset(stmt.Pos()):tf.Offset(stmt.End())])) {
		return analysis.TextEdit{Pos: start, End: end}, true
	}
	return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End()}, true
}

// touches reports whether the plan has anything for f: fixes, removed
// code or findings.
func (p *plan) touches(f *ast.File) bool {
	if p == nil {
		return false
	}
	if len(p.calls[f]) > 0 || len(p.removed[f]) > 0 {
		return true
	}
	for _, fd := range p.findings {
		if f.FileStart <= fd.pos && fd.pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// planned hands a file its share of the plan: its call fixes, and its
// findings, which directives may keep.
func (fi *fileInfo) planned(p *plan) {
	fi.calls = p.calls[fi.file]
	for _, fd := range p.findings {
		if fi.file.FileStart <= fd.pos && fd.pos <= fi.file.FileEnd {
			fi.reportUnfixable(fd.pos, fd.end, "%s", fd.msg)
		}
	}
}

// dropUnused marks the imports whose every use lies in removed code.
func (fi *fileInfo) dropUnused(usesLeft map[*types.PkgName]int) {
	inGroup := make(map[*ast.ImportSpec]bool)
	for _, g := range fi.groups {
		for _, spec := range g.specs {
			inGroup[spec] = true
		}
	}
	for _, spec := range fi.file.Imports {
		if spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") || importPath(spec) == "C" || inGroup[spec] || fi.residual[spec] {
			continue
		}
		pn := fi.pass.TypesInfo.PkgNameOf(spec)
		if pn != nil && usesLeft[pn] == 0 {
			if fi.dropped == nil {
				fi.dropped = make(map[*ast.ImportSpec]bool)
			}
			fi.dropped[spec] = true
		}
	}
}

// claims handles a qualified reference that the plan decided: a guarded
// type or constructor (moved with its unit, or kept), or detector
// options (a run's first reference becomes its site, the others go with
// it). It reports whether it did.
func (p *plan) claims(fi *fileInfo, sel *ast.SelectorExpr, spec *ast.ImportSpec) bool {
	if p == nil {
		return false
	}
	if p.opts != nil && p.opts.claimed[sel] {
		if r := p.opts.runs[sel]; r != nil {
			if !fi.addSite(site{sel: sel, spec: spec, row: r.fields[0], render: r.edit}) {
				fi.residual[spec] = true
			}
		}
		return true
	}
	if p.keep[sel] {
		fi.residual[spec] = true
		return true
	}
	if obj := fi.pass.TypesInfo.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && p.wrapped[obj.Pkg().Path()+"."+obj.Name()] {
		fi.residual[spec] = true
		return true
	}
	obj := fi.pass.TypesInfo.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	row, ok := fi.rules.Lookup(obj.Pkg().Path(), obj.Name())
	if !ok {
		return false
	}
	if !p.move[sel] {
		// A guarded type or a constructor moves only with a proven unit.
		if fi.rules.Guarded(row.From, row.Name) || row.Result == catalog.New {
			fi.residual[spec] = true
			return true
		}
		return false
	}
	s := site{sel: sel, spec: spec, row: row}
	if call := p.ctors[sel]; call != nil {
		s.render = func(name string) (analysis.TextEdit, string, error) {
			text := "new(" + name + "." + row.FacadeName() + ")"
			return analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}, "Use " + text, nil
		}
	}
	if !fi.addSite(s) {
		fi.residual[spec] = true
	}
	return true
}

// directives fails the units that a //syncsweep:allow directive keeps,
// anywhere: a kept declaration, constructor or call would not compile
// with the rest moved.
func (pv *prover) directives() {
	for _, u := range pv.units {
		if u.reason != "" {
			continue
		}
		var at []token.Pos
		for _, r := range u.refs {
			at = append(at, r.Pos())
		}
		for _, c := range u.ctors {
			at = append(at, c.Pos())
		}
		for _, c := range u.calls {
			at = append(at, c.call.Pos())
		}
		for _, pos := range at {
			f := pv.file(pv.nodeAt(pos))
			if f == nil {
				continue
			}
			if a := allowing(pv.sw.allowsFor(f, pv.sw.pass.Fset.File(f.Pos()).Name()), pos); a != nil {
				u.fail(pos, "a //syncsweep:allow directive keeps it at %s", pv.position(pos))
				if len(u.refs) == 0 || pos != u.refs[0].Pos() {
					a.Used++ // the finding lands on the declaration, not here
				}
				break
			}
		}
	}
}

// nodeAt returns a node of the plan's files at pos, to find its file.
func (pv *prover) nodeAt(pos token.Pos) ast.Node {
	for _, f := range pv.sw.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// excludedCalls fails every unit when a file that this build excludes
// calls a method that a guarded row reshapes: without types, syncsweep
// cannot tell whether it is one of the units', and moving them would
// break that other build.
func (pv *prover) excludedCalls() {
	members := make(map[string]bool)
	for _, u := range pv.units {
		for _, r := range pv.sw.rules.Methods(u.tn.Pkg().Path(), u.tn.Name()) {
			reshapes := r.FacadeName() != r.Member() || r.Result != catalog.Same
			for _, a := range r.Args {
				reshapes = reshapes || a != catalog.Keep
			}
			if reshapes {
				members[r.Member()] = true // a call that would not compile unchanged
			}
		}
	}
	if len(members) == 0 {
		return
	}
	for _, filename := range pv.sw.pass.IgnoredFiles {
		src, err := pv.sw.readFile(filename)
		if err != nil || !strings.HasSuffix(filename, ".go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != pv.sw.pass.Pkg.Name() {
			continue
		}
		var called string
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && members[sel.Sel.Name] && called == "" {
				called = sel.Sel.Name
			}
			return called == ""
		})
		if called == "" {
			continue
		}
		for _, u := range pv.units {
			u.fail(u.decl, "%s, which this build excludes, calls %s, which syncsweep cannot check without types", shortName(filename), called)
		}
	}
}

// wrappers finds the explicit uses of a third-party lock type's embedded
// field (go-deadlock's Once embeds sync.Once: t.once.Once.Do). The
// facade's type has no such field, so the package keeps that type, and
// each such use is reported with what to write instead.
func (pv *prover) wrappers() {
	for sel, selection := range pv.info.Selections {
		if selection.Kind() != types.FieldVal {
			continue
		}
		field, ok := selection.Obj().(*types.Var)
		if !ok || !field.Embedded() {
			continue
		}
		recv := selection.Recv()
		if p, ok := types.Unalias(recv).(*types.Pointer); ok {
			recv = p.Elem()
		}
		named, ok := types.Unalias(recv).(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			continue
		}
		tn := named.Obj()
		if catalog.IsStd(tn.Pkg().Path()) || !pv.sw.rules.Covers(tn.Pkg().Path()) {
			continue
		}
		row, ok := pv.sw.rules.Lookup(tn.Pkg().Path(), tn.Name())
		if !ok || row.Kind != catalog.Type {
			continue
		}
		if pv.plan.wrapped == nil {
			pv.plan.wrapped = make(map[string]bool)
		}
		pv.plan.wrapped[tn.Pkg().Path()+"."+tn.Name()] = true
		pv.plan.findings = append(pv.plan.findings, finding{sel.Sel.Pos(), sel.Sel.End(), fmt.Sprintf(
			"%s.%s bypasses the lock facade, and %s names its embedded field %s, which the facade's %s does not have: write %s instead, then run syncsweep -fix",
			tn.Pkg().Path(), tn.Name(), pv.exprString(sel), field.Name(), row.FacadeName(), pv.exprString(sel.X))})
	}
}

// implicitRow returns the row of a method that needs none: one the
// facade's type has, with the same signature (an in-house lock's plain
// Unlock()).
func (pv *prover) implicitRow(u *unit, sel *ast.SelectorExpr) (catalog.Row, bool) {
	fn, ok := pv.info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return catalog.Row{}, false
	}
	typeRow, _ := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name())
	name := sel.Sel.Name
	if !slices.Contains(catalog.FacadeMethods[typeRow.FacadeName()], name) || name == "RLocker" {
		return catalog.Row{}, false
	}
	sig := fn.Signature()
	res := sig.Results()
	want := 0
	if strings.HasPrefix(name, "Try") {
		want = 1
	}
	if sig.Params().Len() != 0 || res.Len() != want || want == 1 && !types.Identical(res.At(0).Type(), types.Typ[types.Bool]) {
		return catalog.Row{}, false
	}
	return catalog.Row{From: u.tn.Pkg().Path(), Name: u.tn.Name() + "." + name, Kind: catalog.Method, As: name}, true
}

// zeroValue returns the type name in new(T), T{} or &T{} when value is one
// of those, of the unit's type: the zero value, which the facade's type
// shares when the type has no constructor that takes arguments.
func (pv *prover) zeroValue(u *unit, value ast.Expr) *ast.SelectorExpr {
	var t ast.Expr
	switch v := ast.Unparen(value).(type) {
	case *ast.CallExpr:
		if id, ok := ast.Unparen(v.Fun).(*ast.Ident); ok && len(v.Args) == 1 {
			if b, ok := pv.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				t = v.Args[0]
			}
		}
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(v.X).(*ast.CompositeLit); ok && v.Op == token.AND && len(lit.Elts) == 0 {
			t = lit.Type
		}
	case *ast.CompositeLit:
		if len(v.Elts) == 0 {
			t = v.Type
		}
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok || pv.info.Uses[sel.Sel] != types.Object(u.tn) {
		return nil
	}
	return sel
}

// insideDeadCode reports whether c lies in the code that another proven
// call's fix removes ("if err := b.Acquire(...); err != nil { a.Release(1)
// }", of this lock or another): that fix deletes it, and an edit of its
// own would overlap. pv.dead holds every proven call's removed spans.
func (pv *prover) insideDeadCode(c *callFix) bool {
	merged, ok := pv.dead.find(c.call.Pos())
	if !ok {
		return false
	}
	for _, s := range c.removed {
		if s == merged {
			return false // the span is c's own, and nothing wider holds it
		}
	}
	return true
}
