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

// declare names the package-level declarations of files.
func (w *pinWalk) declare(files []*ast.File) {
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.Name == "_" || d.Name.Name == "init" {
					continue
				}
				name := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					name = recvName(d.Recv.List[0].Type) + "." + name
				}
				var sig *types.Signature
				if fn, ok := w.info.Defs[d.Name].(*types.Func); ok {
					sig = fn.Signature()
				}
				w.nameSig(name, sig, d.Type)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						w.declareType(spec)
					case *ast.ValueSpec:
						for _, id := range spec.Names {
							if obj := w.info.Defs[id]; obj != nil && id.Name != "_" {
								w.names[obj] = declName{key: "v:" + id.Name, label: id.Name}
							}
						}
					}
				}
			}
		}
	}
}

func (w *pinWalk) declareType(spec *ast.TypeSpec) {
	name := spec.Name.Name
	if name == "_" {
		return
	}
	if tn, ok := w.info.Defs[spec.Name].(*types.TypeName); ok {
		rhs := w.info.TypeOf(spec.Type)
		w.names[tn] = declName{key: "t:" + name, label: name, typ: w.typeString(rhs)}
		switch spec.Type.(type) {
		case *ast.StructType, *ast.InterfaceType:
			// Its fields and methods are the nodes; the type keeps
			// its identity.
		default:
			if rhs != nil && movesType(w.g.sw.rules, rhs, w.ownedType) {
				w.owns[tn] = true
			}
		}
	}
	switch t := spec.Type.(type) {
	case *ast.StructType:
		for _, fld := range t.Fields.List {
			for _, id := range fieldIdents(fld) {
				if obj := w.info.Defs[id]; obj != nil {
					w.names[obj] = declName{key: "f:" + name + "." + id.Name, label: name + "." + id.Name, subject: name}
				}
			}
		}
	case *ast.InterfaceType:
		for _, fld := range t.Methods.List {
			ft, ok := fld.Type.(*ast.FuncType)
			if !ok || len(fld.Names) != 1 {
				continue
			}
			if fn, ok := w.info.Defs[fld.Names[0]].(*types.Func); ok {
				w.nameSig(name+"."+fld.Names[0].Name, fn.Signature(), ft)
			}
		}
	}
}

// fieldIdents returns the identifiers that declare a struct field's
// objects: its names, or the type name of an embedded field.
func fieldIdents(fld *ast.Field) []*ast.Ident {
	if len(fld.Names) > 0 {
		return fld.Names
	}
	if id := embeddedIdent(fld.Type); id != nil {
		return []*ast.Ident{id}
	}
	return nil
}

func embeddedIdent(e ast.Expr) *ast.Ident {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.SelectorExpr:
			return t.Sel
		case *ast.Ident:
			return t
		default:
			return nil
		}
	}
}

// recvName returns the name of a method's receiver base type.
func recvName(e ast.Expr) string {
	if id := embeddedIdent(e); id != nil {
		return id.Name
	}
	return "?"
}

// nameSig names the parameters and results of a declared signature.
// sig is nil for a function that another build variant declares too
// (the throwaway check records no object for it): the named ones are
// found through their identifiers.
func (w *pinWalk) nameSig(prefix string, sig *types.Signature, ft *ast.FuncType) {
	var params, results *types.Tuple
	if sig != nil {
		params, results = sig.Params(), sig.Results()
	}
	w.nameFields(prefix, false, params, ft.Params)
	w.nameFields(prefix, true, results, ft.Results)
}

func (w *pinWalk) nameFields(prefix string, result bool, tuple *types.Tuple, list *ast.FieldList) {
	if list == nil {
		return
	}
	total := list.NumFields()
	k := 0
	for _, fld := range list.List {
		for j := range max(1, len(fld.Names)) {
			var v types.Object
			if tuple != nil && k < tuple.Len() {
				v = tuple.At(k)
			} else if j < len(fld.Names) {
				v = w.info.Defs[fld.Names[j]]
			}
			if v != nil {
				kind := "p"
				if result {
					kind = "r"
				}
				w.names[v] = declName{
					key:     fmt.Sprintf("%s:%s#%d", kind, prefix, k),
					label:   sigLabel(prefix, v.Name(), k, total, result),
					subject: prefix,
				}
			}
			k++
		}
	}
}

// sigLabel names a parameter or result: "helper's parameter mu",
// "get's result", "get's result 2".
func sigLabel(subject, name string, i, total int, result bool) string {
	role := "parameter"
	if result {
		role = "result"
	}
	switch {
	case name != "" && name != "_":
		return fmt.Sprintf("%s's %s %s", subject, role, name)
	case result && total == 1:
		return subject + "'s result"
	}
	return fmt.Sprintf("%s's %s %d", subject, role, i+1)
}

func (w *pinWalk) typeString(t types.Type) string {
	if t == nil {
		return "?"
	}
	return types.TypeString(t, func(p *types.Package) string {
		if p == w.pkg {
			return ""
		}
		return p.Name()
	})
}

// funcLabel names a function or method as the user would write it.
func (w *pinWalk) funcLabel(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != w.pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// objNode returns the node of an object. label and subject name it when
// the object is not one of the package's declarations.
func (w *pinWalk) objNode(obj types.Object, label, subject string) int32 {
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
	}
	local := obj.Pkg() == w.pkg
	dn, named := w.names[obj]
	k := nodeKey{obj: obj}
	if named {
		k = nodeKey{name: dn.key}
	}
	if id, ok := w.g.ids[k]; ok {
		return id
	}
	n := pinNode{label: label, subject: subject, typ: w.typeString(obj.Type())}
	if named {
		n.label, n.subject = dn.label, dn.subject
		if dn.typ != "" {
			n.typ = dn.typ
		}
	}
	if n.label == "" {
		n.label = w.defaultLabel(obj)
	}
	if local {
		n.local = true
		n.pos, n.end = obj.Pos(), obj.Pos()+token.Pos(len(obj.Name()))
	}
	n.pin = w.g.pinReason(w, obj)
	id, _ := w.g.node(k, n)
	return id
}

func (w *pinWalk) defaultLabel(obj types.Object) string {
	name := obj.Name()
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		owner := w.g.fieldOwner(v)
		if owner == "" && obj.Pkg() == w.pkg {
			return "the field " + name // of an unnamed struct type
		}
		if owner != "" {
			name = owner + "." + name
		}
	}
	if obj.Pkg() != nil && obj.Pkg() != w.pkg {
		name = obj.Pkg().Name() + "." + name
	}
	return name
}

// sigVarNode returns the node of parameter (or result) i of fn, or of
// the func literal lit.
func (w *pinWalk) sigVarNode(fn *types.Func, lit *ast.FuncLit, i int, result bool) (int32, bool) {
	var sig *types.Signature
	var subject string
	if fn != nil {
		fn = fn.Origin()
		sig, subject = fn.Signature(), w.funcLabel(fn)
	} else {
		sig, _ = w.info.TypeOf(lit).(*types.Signature)
		subject = "the func literal"
	}
	if sig == nil {
		return 0, false
	}
	tuple := sig.Params()
	if result {
		tuple = sig.Results()
	}
	if i >= tuple.Len() {
		return 0, false
	}
	v := tuple.At(i)
	label := sigLabel(subject, v.Name(), i, tuple.Len(), result)
	if lit != nil {
		label = sigLabel("the func literal", v.Name(), i, tuple.Len(), result)
	}
	return w.objNode(v, label, subject), true
}

// sigNodes returns the nodes of a function's parameters and results whose
// types tie: a func value stands for all of them.
func (w *pinWalk) sigNodes(fn *types.Func, lit *ast.FuncLit) []int32 {
	var sig *types.Signature
	if fn != nil {
		sig = fn.Origin().Signature()
	} else {
		sig, _ = w.info.TypeOf(lit).(*types.Signature)
	}
	if sig == nil {
		return nil
	}
	var out []int32
	for _, result := range []bool{false, true} {
		tuple := sig.Params()
		if result {
			tuple = sig.Results()
		}
		for i := range tuple.Len() {
			if !w.tie(tuple.At(i).Type()) {
				continue
			}
			if id, ok := w.sigVarNode(fn, lit, i, result); ok {
				out = append(out, id)
			}
		}
	}
	return out
}

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
