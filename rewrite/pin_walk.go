package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/syncsweep/syncsweep/catalog"
)

// A pinWalk adds one type-check's view of the package to a pinGraph: the
// pass's own, or the one that includes the build-excluded files.
type pinWalk struct {
	g    *pinGraph
	info *types.Info
	pkg  *types.Package
	// names holds the canonical keys and labels of the package-level
	// declarations: variables, types, struct fields, and the parameters
	// and results of functions, methods and interface methods.
	names map[types.Object]declName
	// owns holds the package's types whose declaration holds a site
	// outside a struct or interface (type M sync.Mutex, type F
	// func(*sync.Mutex), type A = sync.Mutex): their values change
	// with it.
	owns   map[*types.TypeName]bool
	ties   map[types.Type]bool // memo of tie
	ifaces map[*types.Interface]bool
	// excluded marks the walk of the build-excluded files, whose
	// imports may not resolve.
	excluded bool

	// The file being walked.
	why    string // why its sites stay; "" when the sweep rewrites it
	cgo    bool
	allows []*Allow
	dots   bool // it dot-imports a catalogued package
}

type declName struct{ key, label, typ, subject string }

func (g *pinGraph) walker(info *types.Info, pkg *types.Package) *pinWalk {
	return &pinWalk{
		g: g, info: info, pkg: pkg,
		names:  make(map[types.Object]declName),
		owns:   make(map[*types.TypeName]bool),
		ties:   make(map[types.Type]bool),
		ifaces: make(map[*types.Interface]bool),
	}
}

// tie reports whether values of type t must keep their type with what
// they meet: t moves, or holds one of the package's types that do.
func (w *pinWalk) tie(t types.Type) bool {
	switch t.(type) {
	case nil, *types.Basic:
		return false
	}
	if v, ok := w.ties[t]; ok {
		return v
	}
	v := movesType(w.g.sw.rules, t, w.ownedType)
	w.ties[t] = v
	return v
}

func (w *pinWalk) ownedType(tn *types.TypeName) bool { return tn.Pkg() == w.pkg && w.owns[tn] }

// anon returns the node of an expression that owns a type expression: a
// composite literal, conversion, new or make, type assertion, method
// expression or generic instantiation.
func (w *pinWalk) anon(n ast.Expr) int32 {
	k := nodeKey{node: n}
	if id, ok := w.g.ids[k]; ok {
		return id
	}
	t := w.info.TypeOf(n)
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type() // v, ok := x.(T)
	}
	id, _ := w.g.node(k, pinNode{label: exprText(n), typ: w.typeString(t), local: true, pos: n.Pos(), end: n.End()})
	return id
}

// walkFile adds a file's sites and flows.
func (w *pinWalk) walkFile(f *ast.File, why string, cgo bool) {
	w.why, w.cgo, w.allows, w.dots = why, cgo, nil, false
	if why == "" {
		w.allows = w.g.sw.allowsFor(f, w.g.sw.pass.Fset.File(f.Pos()).Name())
	}
	for _, spec := range f.Imports {
		if spec.Name != nil && spec.Name.Name == "." && w.g.sw.rules.Covers(importPath(spec)) {
			w.dots = true
		}
	}
	plan := w.g.sw.plan
	ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
		if plan.inRemoved(f, n.Pos()) {
			return false // a fix deletes it
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			w.site(n, stack)
		case *ast.Ident:
			w.ident(n, stack)
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				w.assign(n.Lhs, n.Rhs, n.TokPos)
			}
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				w.assign(lhs, n.Values, n.Pos())
			}
		case *ast.CallExpr:
			w.call(n)
		case *ast.ReturnStmt:
			w.ret(n, stack)
		case *ast.CompositeLit:
			w.lit(n)
		case *ast.SendStmt:
			if ch, ok := coreType(w.info.TypeOf(n.Chan)).(*types.Chan); ok {
				w.flow(func() []int32 { return w.holders(n.Chan) }, ch.Elem(), n.Value, pinEdge{kind: edgeSend, y: n.Chan, pos: n.Arrow})
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					w.flow(func() []int32 { return w.holders(e) }, w.info.TypeOf(e), n.X, pinEdge{kind: edgeRange, y: e, pos: e.Pos()})
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				w.flow(func() []int32 { return w.holders(n.X) }, w.info.TypeOf(n.X), n.Y, pinEdge{kind: edgeCompare, y: n.X, pos: n.OpPos})
			}
		}
		return true
	})
}

// site adds a type expression that the sweep would rewrite.
func (w *pinWalk) site(sel *ast.SelectorExpr, stack []ast.Node) {
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := w.info.Uses[x].(*types.PkgName)
	if !ok {
		return
	}
	rules := w.g.sw.rules
	row, ok := rules.Lookup(pn.Imported().Path(), sel.Sel.Name)
	if !ok {
		return
	}
	tn, isType := w.info.Uses[sel.Sel].(*types.TypeName)
	fn := !isType && w.movingFunc(sel)
	if !fn && !(isType && rowMoves(rules, row)) {
		return
	}
	n := pinNode{site: true, sel: sel, cgo: w.cgo, label: exprText(sel)}
	plan := w.g.sw.plan
	switch {
	case w.why != "":
		n.pin = w.why
	case isType && plan != nil && tn.Pkg() != nil && plan.wrapped[tn.Pkg().Path()+"."+tn.Name()]:
		n.pin = fmt.Sprintf("is a %s, whose embedded field the package names", exprText(sel))
	default:
		if a := allowing(w.allows, sel.Pos()); a != nil {
			directive := AllowDirective
			if a.Nolint {
				directive = "//nolint"
			}
			n.pin = fmt.Sprintf("is kept by %s at %s", directive, w.g.position(a.Pos))
		} else if isType && row.FacadeName() != sel.Sel.Name && embeddedAt(sel, stack) {
			n.pin = fmt.Sprintf("embeds %s, and moving it would rename the field", exprText(sel))
		} else {
			n.fixable = true
		}
	}
	id, fresh := w.g.node(nodeKey{node: sel}, n)
	if !fresh {
		return
	}
	if fn {
		w.g.unite(id, w.funcValue(sel, stack), pinEdge{kind: edgeOwns, pos: sel.Pos()})
		return
	}
	for _, o := range w.owners(sel, stack) {
		w.g.unite(id, o, pinEdge{kind: edgeOwns, pos: sel.Pos()})
	}
}

// movingFunc reports whether e (pkg.Name, or a dot-imported Name) names a
// catalogued function, or a variable that holds one (go-deadlock's
// NewCond), that the sweep rewrites onto a facade function whose results
// have other types: sync.NewCond's *sync.Cond becomes *facade.Cond. Its
// name is a site, and each call of it (or each use of it as a value) is a
// node of its own, which that site owns: the call's value moves, or
// stays, with what receives it.
func (w *pinWalk) movingFunc(e ast.Expr) bool {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		if !ok {
			return false
		}
		if _, ok := w.info.Uses[x].(*types.PkgName); !ok {
			return false
		}
		id = e.Sel
	case *ast.Ident:
		id = e
	default:
		return false
	}
	obj := w.info.Uses[id]
	switch obj.(type) {
	case *types.Func, *types.Var:
	default:
		return false
	}
	if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return false // a method, a field or a local
	}
	rules := w.g.sw.rules
	row, ok := rules.Lookup(obj.Pkg().Path(), obj.Name())
	if !ok || row.Kind != catalog.Func && row.Kind != catalog.Var || row.Missing != "" {
		return false
	}
	if _, ok := rules.Target(row); !ok {
		return false
	}
	sig, ok := coreType(obj.Type()).(*types.Signature)
	return ok && w.tie(sig.Results())
}

// funcValue returns the node of the value that a moving function's name
// (movingFunc) gives: its call's result, or the function itself when it
// is not called.
func (w *pinWalk) funcValue(name ast.Expr, stack []ast.Node) int32 {
	var child ast.Node = name
	i := len(stack) - 1
	for ; i >= 0; i-- {
		p, ok := stack[i].(*ast.ParenExpr)
		if !ok {
			break
		}
		child = p
	}
	if call, ok := at(stack, i).(*ast.CallExpr); ok && call.Fun == child {
		return w.anon(call)
	}
	return w.funcValueNode(name)
}

// funcValueNode returns the node of a moving function's name used as a
// value (f := sync.NewCond), apart from the site that the name is.
func (w *pinWalk) funcValueNode(name ast.Expr) int32 {
	k := nodeKey{node: name, name: "value"}
	if id, ok := w.g.ids[k]; ok {
		return id
	}
	id, _ := w.g.node(k, pinNode{label: exprText(name), typ: w.typeString(w.info.TypeOf(name)), local: true, pos: name.Pos(), end: name.End()})
	return id
}

// embeddedAt reports whether sel is the type of an embedded field.
func embeddedAt(sel *ast.SelectorExpr, stack []ast.Node) bool {
	i := len(stack) - 1
	if star, ok := at(stack, i).(*ast.StarExpr); ok && star.X == sel {
		i--
	}
	fld, ok := at(stack, i).(*ast.Field)
	if !ok || len(fld.Names) > 0 {
		return false
	}
	_, inStruct := at(stack, i-2).(*ast.StructType)
	return inStruct
}

func at(stack []ast.Node, i int) ast.Node {
	if i < 0 || i >= len(stack) {
		return nil
	}
	return stack[i]
}

// ident adds a name of one of the package's types that move with their
// declaration, and a dot-imported lock type, which cannot be rewritten.
func (w *pinWalk) ident(id *ast.Ident, stack []ast.Node) {
	tn, ok := w.info.Uses[id].(*types.TypeName)
	if !ok {
		w.dotFunc(id, stack)
		return
	}
	if tn.Pkg() == nil {
		return
	}
	if tn.Pkg() == w.pkg {
		if w.owns[tn] {
			t := w.objNode(tn, "", "")
			for _, o := range w.owners(id, stack) {
				w.g.unite(t, o, pinEdge{kind: edgeTypeRef, pos: id.Pos()})
			}
		}
		return
	}
	if !w.dots {
		return
	}
	if sel, ok := at(stack, len(stack)-1).(*ast.SelectorExpr); ok && sel.Sel == id {
		return
	}
	row, ok := w.g.sw.rules.Lookup(tn.Pkg().Path(), tn.Name())
	if !ok || !rowMoves(w.g.sw.rules, row) {
		return
	}
	n := pinNode{site: true, label: id.Name, pin: fmt.Sprintf("names %s through a dot import at %s", id.Name, w.g.position(id.Pos()))}
	s, fresh := w.g.node(nodeKey{node: id}, n)
	if !fresh {
		return
	}
	for _, o := range w.owners(id, stack) {
		w.g.unite(s, o, pinEdge{kind: edgeOwns, pos: id.Pos()})
	}
}

// dotFunc adds a dot-imported name of a function whose results move
// (movingFunc), which cannot be rewritten: what its value reaches stays.
func (w *pinWalk) dotFunc(id *ast.Ident, stack []ast.Node) {
	if !w.dots {
		return
	}
	if sel, ok := at(stack, len(stack)-1).(*ast.SelectorExpr); ok && sel.Sel == id {
		return
	}
	if obj := w.info.Uses[id]; obj == nil || obj.Pkg() == w.pkg || !w.movingFunc(id) {
		return
	}
	n := pinNode{site: true, label: id.Name, pin: fmt.Sprintf("names %s through a dot import at %s", id.Name, w.g.position(id.Pos()))}
	if s, fresh := w.g.node(nodeKey{node: id}, n); fresh {
		w.g.unite(s, w.funcValue(id, stack), pinEdge{kind: edgeOwns, pos: id.Pos()})
	}
}

// owners returns the nodes whose type the type expression n (a site, or
// a name of a type that moves) is part of, from the syntax around it.
func (w *pinWalk) owners(n ast.Node, stack []ast.Node) []int32 {
	var out []int32
	child := n
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.Field:
			list, _ := at(stack, i-1).(*ast.FieldList)
			if list == nil {
				return out
			}
			holder := at(stack, i-2)
			switch h := holder.(type) {
			case *ast.StructType:
				for _, id := range fieldIdents(p) {
					if obj := w.info.Defs[id]; obj != nil {
						out = append(out, w.objNode(obj, "", ""))
					}
				}
				if definesType(h, at(stack, i-3)) {
					return out
				}
			case *ast.FuncType:
				if list == h.TypeParams {
					return out // a constraint: nothing flows
				}
				if w.sigOwners(&out, h, list, p, stack[:i-2]) {
					return out
				}
			case *ast.InterfaceType:
				if definesType(h, at(stack, i-3)) {
					return out
				}
			default: // a receiver, or type parameters
				return out
			}
			child = holder
			i -= 2
			continue
		case *ast.ValueSpec:
			if child == p.Type {
				for _, id := range p.Names {
					obj := w.info.Defs[id]
					if obj == nil && id.Name != "_" {
						// Declared in another build variant too: the
						// throwaway check keeps the first.
						obj = w.pkg.Scope().Lookup(id.Name)
					}
					if obj != nil {
						out = append(out, w.objNode(obj, "", ""))
					}
				}
			}
			return out
		case *ast.TypeSpec:
			if child == p.Type {
				obj := w.info.Defs[p.Name]
				if obj == nil {
					obj = w.pkg.Scope().Lookup(p.Name.Name)
				}
				if obj != nil {
					out = append(out, w.objNode(obj, "", ""))
				}
			}
			return out
		case *ast.CompositeLit:
			if child == p.Type {
				out = append(out, w.anon(p))
			}
			return out
		case *ast.CallExpr:
			if child == p.Fun && w.isType(p.Fun) || len(p.Args) > 0 && child == p.Args[0] && w.builtin(p.Fun, "new", "make") {
				out = append(out, w.anon(p))
			}
			return out
		case *ast.TypeAssertExpr:
			if child == p.Type {
				out = append(out, w.anon(p))
			}
			return out
		case *ast.IndexExpr, *ast.IndexListExpr:
			if w.isType(p.(ast.Expr)) {
				break // a generic type's instance: part of a bigger type
			}
			out = append(out, w.anon(p.(ast.Expr)))
			return out
		case *ast.SelectorExpr:
			if s := w.info.Selections[p]; s != nil && s.Kind() == types.MethodExpr && child == p.X {
				out = append(out, w.anon(p))
			}
			return out
		case *ast.CaseClause:
			if obj := w.info.Implicits[p]; obj != nil {
				out = append(out, w.objNode(obj, "", ""))
			}
			return out
		case *ast.StarExpr, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.ParenExpr,
			*ast.Ellipsis, *ast.FieldList, *ast.StructType, *ast.InterfaceType, *ast.BinaryExpr, *ast.UnaryExpr:
			// Part of a bigger type expression.
		default:
			return out
		}
		child = stack[i]
	}
	return out
}

// definesType reports whether t is the type of a defined (non-alias)
// type's declaration, which keeps its identity.
func definesType(t ast.Expr, parent ast.Node) bool {
	spec, ok := parent.(*ast.TypeSpec)
	return ok && spec.Type == t && !spec.Assign.IsValid()
}

// sigOwners adds the parameters or results that fld, in list of the
// function type ft, declares, when ft is the signature of a declared
// function, a func literal or an interface method. It reports whether
// the owners are complete: an interface's methods are part of its type.
func (w *pinWalk) sigOwners(out *[]int32, ft *ast.FuncType, list *ast.FieldList, fld *ast.Field, above []ast.Node) bool {
	var fn *types.Func
	var lit *ast.FuncLit
	complete := true
	switch p := at(above, len(above)-1).(type) {
	case *ast.FuncDecl:
		fn, _ = w.info.Defs[p.Name].(*types.Func)
	case *ast.FuncLit:
		lit = p
	case *ast.Field:
		if len(p.Names) != 1 {
			return false
		}
		if fn, _ = w.info.Defs[p.Names[0]].(*types.Func); fn == nil {
			return false // a field of func type
		}
		complete = false
	default:
		return false
	}
	result := list == ft.Results
	k := 0
	for _, f := range list.List {
		if f == fld {
			break
		}
		k += max(1, len(f.Names))
	}
	for j := range max(1, len(fld.Names)) {
		if fn == nil && lit == nil {
			// A function that another build variant declares too.
			if j < len(fld.Names) {
				if obj := w.info.Defs[fld.Names[j]]; obj != nil {
					*out = append(*out, w.objNode(obj, "", ""))
				}
			}
			continue
		}
		if id, ok := w.sigVarNode(fn, lit, k+j, result); ok {
			*out = append(*out, id)
		}
	}
	return complete
}

func (w *pinWalk) isType(e ast.Expr) bool {
	return w.info.Types[e].IsType() || w.info.Types[ast.Unparen(e)].IsType()
}

// builtin reports whether fun names one of the builtins.
func (w *pinWalk) builtin(fun ast.Expr, names ...string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := w.info.Uses[id].(*types.Builtin)
	if !ok {
		return false
	}
	for _, n := range names {
		if b.Name() == n {
			return true
		}
	}
	return false
}

// coreType is t's underlying type; nil for a type parameter, whose
// flows syncsweep leaves to inference.
func coreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return nil
	}
	return t.Underlying()
}
