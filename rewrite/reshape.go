package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

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
