package rewrite

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/syncsweep/syncsweep/catalog"
)

// flow records that the value src reaches a holder of type dstT (whose
// nodes dst returns, asked only when the flow ties): when both types hold
// a moving type, the two must keep one type. A concrete value that
// becomes an interface ties its methods' signatures to the interface's.
func (w *pinWalk) flow(dst func() []int32, dstT types.Type, src ast.Expr, e pinEdge) {
	srcT := w.info.TypeOf(src)
	if dstT == nil || srcT == nil {
		return
	}
	if _, ok := srcT.(*types.Tuple); ok {
		return // f(g()) with g's results spread: rare, left out
	}
	w.implements(dstT, srcT, e.pos)
	if !w.tie(dstT) || !w.tie(srcT) {
		return
	}
	srcs := w.holders(src)
	if len(srcs) == 0 {
		return
	}
	e.x = src
	for _, d := range dst() {
		for _, s := range srcs {
			w.g.unite(d, s, e)
		}
	}
}

// holders returns the nodes whose type the value of e has: the object it
// names, the field it selects, what it points into, the results of the
// function it calls, or the expression itself.
func (w *pinWalk) holders(e ast.Expr) []int32 {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if w.dots && w.movingFunc(e) {
			return []int32{w.funcValueNode(e)} // its own value: see funcValue
		}
		return w.objHolders(w.info.ObjectOf(e))
	case *ast.SelectorExpr:
		if s := w.info.Selections[e]; s != nil {
			switch s.Kind() {
			case types.FieldVal:
				if f := s.Obj().(*types.Var); !w.tie(f.Origin().Type()) {
					return w.holders(e.X) // a generic type's field: its instance decides
				}
				return []int32{w.objNode(s.Obj(), "", "")}
			case types.MethodVal:
				return w.sigNodes(s.Obj().(*types.Func), nil)
			case types.MethodExpr:
				return append(w.sigNodes(s.Obj().(*types.Func), nil), w.anon(e))
			}
		}
		if w.movingFunc(e) {
			return []int32{w.funcValueNode(e)} // its own value: see funcValue
		}
		return w.objHolders(w.info.Uses[e.Sel])
	case *ast.UnaryExpr:
		if e.Op == token.AND || e.Op == token.ARROW {
			return w.holders(e.X)
		}
	case *ast.StarExpr:
		return w.holders(e.X)
	case *ast.IndexExpr:
		if !w.isType(e) && w.info.Types[e.X].Type != nil {
			if _, ok := w.info.TypeOf(e.X).(*types.Signature); ok {
				return []int32{w.anon(e)} // a generic function's instance
			}
		}
		return w.holders(e.X)
	case *ast.IndexListExpr:
		return []int32{w.anon(e)}
	case *ast.SliceExpr:
		return w.holders(e.X)
	case *ast.CallExpr:
		return w.callHolders(e, -1)
	case *ast.CompositeLit:
		return []int32{w.anon(e)}
	case *ast.TypeAssertExpr:
		return []int32{w.anon(e)}
	case *ast.FuncLit:
		return w.sigNodes(nil, e)
	}
	return nil
}

func (w *pinWalk) objHolders(obj types.Object) []int32 {
	switch obj := obj.(type) {
	case *types.Var:
		return []int32{w.objNode(obj, "", "")}
	case *types.Func:
		return w.sigNodes(obj, nil) // a func value
	}
	return nil
}

// callHolders returns the holders of result i of a call (-1: its one
// value).
func (w *pinWalk) callHolders(call *ast.CallExpr, i int) []int32 {
	fun := ast.Unparen(call.Fun)
	if w.isType(fun) || w.builtin(fun, "new", "make") {
		return []int32{w.anon(call)}
	}
	if w.builtin(fun, "append") && len(call.Args) > 0 {
		return w.holders(call.Args[0])
	}
	if w.info.Types[fun].IsBuiltin() {
		return nil
	}
	if w.movingFunc(fun) {
		return []int32{w.anon(call)} // each call its own: see funcValue
	}
	if fn, ok := typeutil.Callee(w.info, call).(*types.Func); ok {
		res := fn.Origin().Signature().Results()
		if i < 0 {
			if res.Len() != 1 {
				return nil
			}
			i = 0
		}
		if i < res.Len() && !w.tie(res.At(i).Type()) {
			return []int32{w.anon(call)} // generic: see call
		}
		if id, ok := w.sigVarNode(fn, nil, i, true); ok {
			return []int32{id}
		}
		return nil
	}
	return w.holders(call.Fun) // a func value: its holders stand for its type
}

// implements ties the methods of src's type to those of the interface
// dst that it satisfies, when their signatures hold moving types.
func (w *pinWalk) implements(dstT, srcT types.Type, pos token.Pos) {
	iface, ok := coreType(dstT).(*types.Interface)
	if !ok || coreType(srcT) == nil || !w.ifaceTies(iface) {
		return
	}
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		if !w.tie(m.Type()) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(srcT, true, m.Pkg(), m.Name())
		cm, ok := obj.(*types.Func)
		if !ok || cm.Origin() == m.Origin() {
			continue
		}
		name := fmt.Sprintf("%s implements %s", w.funcLabel(cm.Origin()), w.funcLabel(m))
		msig, csig := m.Signature(), cm.Signature()
		for _, result := range []bool{false, true} {
			mt, ct := msig.Params(), csig.Params()
			if result {
				mt, ct = msig.Results(), csig.Results()
			}
			for j := range min(mt.Len(), ct.Len()) {
				if !w.tie(mt.At(j).Type()) {
					continue
				}
				a, ok1 := w.sigVarNode(m, nil, j, result)
				b, ok2 := w.sigVarNode(cm, nil, j, result)
				if ok1 && ok2 {
					w.g.unite(a, b, pinEdge{kind: edgeImpl, name: name, pos: pos})
				}
			}
		}
	}
}

func (w *pinWalk) ifaceTies(iface *types.Interface) bool {
	v, ok := w.ifaces[iface]
	if !ok {
		for i := range iface.NumMethods() {
			if w.tie(iface.Method(i).Type()) {
				v = true
				break
			}
		}
		w.ifaces[iface] = v
	}
	return v
}

// assign adds lhs = rhs, := and var specs with values.
func (w *pinWalk) assign(lhs, rhs []ast.Expr, pos token.Pos) {
	if len(lhs) == len(rhs) {
		for i, l := range lhs {
			w.flow(func() []int32 { return w.holders(l) }, w.info.TypeOf(l), rhs[i], pinEdge{kind: edgeAssign, y: l, pos: pos})
		}
		return
	}
	if len(rhs) != 1 {
		return
	}
	switch r := ast.Unparen(rhs[0]).(type) {
	case *ast.CallExpr:
		// a, b := f(): result by result.
		for i, l := range lhs {
			lt := w.info.TypeOf(l)
			tv, ok := w.info.Types[r]
			tuple, _ := tv.Type.(*types.Tuple)
			if !ok || tuple == nil || i >= tuple.Len() || !w.tie(lt) || !w.tie(tuple.At(i).Type()) {
				continue
			}
			for _, d := range w.holders(l) {
				for _, s := range w.callHolders(r, i) {
					w.g.unite(d, s, pinEdge{kind: edgeAssign, x: r, y: l, pos: pos})
				}
			}
		}
	case *ast.TypeAssertExpr, *ast.IndexExpr, *ast.UnaryExpr:
		// v, ok := x.(T), m[k], <-ch: the value is the tuple's first.
		tuple, ok := w.info.TypeOf(r).(*types.Tuple)
		if !ok || tuple.Len() != 2 || !w.tie(w.info.TypeOf(lhs[0])) || !w.tie(tuple.At(0).Type()) {
			return
		}
		for _, d := range w.holders(lhs[0]) {
			for _, s := range w.holders(r) {
				w.g.unite(d, s, pinEdge{kind: edgeAssign, x: r, y: lhs[0], pos: pos})
			}
		}
	}
}

// call adds a call's arguments, a conversion's operand, and append's.
func (w *pinWalk) call(n *ast.CallExpr) {
	fun := ast.Unparen(n.Fun)
	if w.excluded {
		w.unloaded(n)
	}
	tv, ok := w.info.Types[fun]
	if !ok {
		return
	}
	if tv.IsType() {
		if len(n.Args) == 1 {
			w.flow(func() []int32 { return []int32{w.anon(n)} }, tv.Type, n.Args[0], pinEdge{kind: edgeConvert, y: n.Fun, pos: n.Pos()})
		}
		return
	}
	if tv.IsBuiltin() {
		if (w.builtin(fun, "append") || w.builtin(fun, "copy")) && len(n.Args) >= 2 {
			s := n.Args[0]
			st := w.info.TypeOf(s)
			elem := st
			if sl, ok := coreType(st).(*types.Slice); ok && w.builtin(fun, "append") && !n.Ellipsis.IsValid() {
				elem = sl.Elem()
			}
			for _, a := range n.Args[1:] {
				w.flow(func() []int32 { return w.holders(s) }, elem, a, pinEdge{kind: edgeAppend, y: s, pos: a.Pos()})
			}
		}
		return
	}
	sig, ok := coreType(tv.Type).(*types.Signature)
	if !ok {
		return
	}
	fn, _ := typeutil.Callee(w.info, n).(*types.Func)
	var osig *types.Signature
	if fn != nil {
		osig = fn.Origin().Signature()
	}
	self := func() []int32 { return []int32{w.anon(n)} }
	// A generic function's parameters take the types they are given, so
	// each call is a node of its own, where the arguments of those
	// parameters, the receiver of a generic type's method and the results
	// meet (p.Store(&mu) and p.Load() on an atomic.Pointer[sync.Mutex]).
	if osig != nil && (osig.TypeParams().Len() > 0 || osig.RecvTypeParams().Len() > 0) {
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			if s := w.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				w.flow(self, w.info.TypeOf(sel.X), sel.X, pinEdge{kind: edgeRecv, y: n.Fun, pos: sel.X.Pos()})
			}
		}
	}
	// f[T](x): the instance's type arguments are sites of their own.
	var inst ast.Expr
	switch fun.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		inst = fun
	}
	params := sig.Params()
	for i, arg := range n.Args {
		pi := i
		if sig.Variadic() && pi >= params.Len()-1 {
			pi = params.Len() - 1
		}
		if pi >= params.Len() {
			break
		}
		t := params.At(pi).Type()
		if sig.Variadic() && pi == params.Len()-1 && !n.Ellipsis.IsValid() {
			if sl, ok := t.(*types.Slice); ok {
				t = sl.Elem()
			}
		}
		w.flow(func() []int32 {
			var d []int32
			if osig != nil && pi < osig.Params().Len() && !w.tie(osig.Params().At(pi).Type()) {
				d = self() // generic
			} else if fn != nil {
				if id, ok := w.sigVarNode(fn, nil, pi, false); ok {
					d = append(d, id)
				}
			} else {
				d = w.holders(n.Fun)
			}
			if inst != nil {
				d = append(d, w.anon(inst))
			}
			return d
		}, t, arg, pinEdge{kind: edgeArg, y: n.Fun, pos: arg.Pos()})
	}
}

// unloaded pins the locks that a build-excluded file passes to a function
// of a package this build does not load: what it wants is unknown, and
// moving them could break that other build.
func (w *pinWalk) unloaded(n *ast.CallExpr) {
	sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := w.info.Uses[x].(*types.PkgName)
	if !ok || pn.Imported().Scope().Lookup(sel.Sel.Name) != nil {
		return
	}
	var pin int32 = -1
	for _, arg := range n.Args {
		if !w.tie(w.info.TypeOf(arg)) {
			continue
		}
		if pin < 0 {
			pin, _ = w.g.node(nodeKey{node: n}, pinNode{
				label: exprText(sel),
				pin:   fmt.Sprintf("declared in %s, which this build does not load, so syncsweep cannot tell what it wants", pn.Imported().Path()),
			})
		}
		for _, s := range w.holders(arg) {
			w.g.unite(pin, s, pinEdge{kind: edgeArg, x: arg, y: n.Fun, pos: arg.Pos()})
		}
	}
}

// ret adds a return statement's values against the enclosing function's
// results.
func (w *pinWalk) ret(n *ast.ReturnStmt, stack []ast.Node) {
	var fn *types.Func
	var lit *ast.FuncLit
	for i := len(stack) - 1; i >= 0 && fn == nil && lit == nil; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit:
			lit = s
		case *ast.FuncDecl:
			if fn, _ = w.info.Defs[s.Name].(*types.Func); fn == nil {
				return
			}
		}
	}
	var sig *types.Signature
	if fn != nil {
		sig = fn.Signature()
	} else if lit != nil {
		sig, _ = w.info.TypeOf(lit).(*types.Signature)
	}
	if sig == nil || len(n.Results) == 0 {
		return
	}
	res := sig.Results()
	result := func(i int) []int32 {
		if id, ok := w.sigVarNode(fn, lit, i, true); ok {
			return []int32{id}
		}
		return nil
	}
	if len(n.Results) == res.Len() {
		for i, r := range n.Results {
			w.flow(func() []int32 { return result(i) }, res.At(i).Type(), r, pinEdge{kind: edgeReturn, pos: r.Pos()})
		}
		return
	}
	// return f(), f returning as many values.
	call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr)
	if !ok || len(n.Results) != 1 {
		return
	}
	for i := range res.Len() {
		if !w.tie(res.At(i).Type()) {
			continue
		}
		for _, d := range result(i) {
			for _, s := range w.callHolders(call, i) {
				w.g.unite(d, s, pinEdge{kind: edgeReturn, x: call, pos: call.Pos()})
			}
		}
	}
}

// lit adds a composite literal's elements against its fields or its
// element type.
func (w *pinWalk) lit(n *ast.CompositeLit) {
	t := coreType(w.info.TypeOf(n))
	if p, ok := t.(*types.Pointer); ok {
		t = coreType(p.Elem())
	}
	switch u := t.(type) {
	case *types.Struct:
		for i, el := range n.Elts {
			var f *types.Var
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					f, _ = w.info.Uses[id].(*types.Var)
				}
				val = kv.Value
			} else if i < u.NumFields() {
				f = u.Field(i)
			}
			if f == nil {
				continue
			}
			if !w.tie(f.Origin().Type()) {
				// A generic type's field: the literal's type arguments
				// decide.
				w.flow(func() []int32 { return []int32{w.anon(n)} }, f.Type(), val, pinEdge{kind: edgeElem, y: n, pos: val.Pos()})
				continue
			}
			w.flow(func() []int32 { return []int32{w.objNode(f, "", "")} }, f.Type(), val, pinEdge{kind: edgeField, pos: val.Pos()})
		}
	case *types.Slice, *types.Array, *types.Map:
		var key, elem types.Type
		switch u := u.(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		case *types.Map:
			key, elem = u.Key(), u.Elem()
		}
		self := func() []int32 { return []int32{w.anon(n)} }
		for _, el := range n.Elts {
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if key != nil {
					w.flow(self, key, kv.Key, pinEdge{kind: edgeElem, y: n, pos: kv.Key.Pos()})
				}
				val = kv.Value
			}
			w.flow(self, elem, val, pinEdge{kind: edgeElem, y: n, pos: val.Pos()})
		}
	}
}

// pinReason says why obj cannot change type, or "".
func (g *pinGraph) pinReason(w *pinWalk, obj types.Object) string {
	pkg := obj.Pkg()
	if pkg == nil {
		return ""
	}
	if pkg == w.pkg {
		if name, ok := g.generated[g.sw.pass.Fset.File(obj.Pos())]; ok && name != "" {
			return "declared in generated file " + name
		}
		return ""
	}
	if v, ok := obj.(*types.Var); ok && !movesType(g.sw.rules, v.Origin().Type(), nil) {
		return "" // generic: it takes the type it is given
	}
	path := pkg.Path()
	rules := g.sw.rules
	switch {
	case rules.Covers(path) || rules.IsFacade(path):
		return "" // the lock packages themselves
	case rules.AllowedPackage(path):
		return "declared in " + path + ", which the policy allow-lists"
	case g.sw.notSwept(path):
		return "declared in " + path + ", which the sweep does not rewrite"
	}
	if name := g.foreignGenerated(obj.Pos()); name != "" {
		return "declared in generated file " + name
	}
	return ""
}

// notSwept reports whether the package pkgPath is left as it is: it lies
// outside the pass's module, under vendor/, or out of the run's
// packages (policy.Rules.Swept).
func (sw *sweeper) notSwept(pkgPath string) bool {
	if strings.HasPrefix(pkgPath, "vendor/") || strings.Contains(pkgPath, "/vendor/") || sw.outsideModule(pkgPath) {
		return true
	}
	if sw.rules.Swept != nil && !sw.rules.Swept(pkgPath) {
		return true
	}
	if m := sw.pass.Module; m == nil || m.Path == "" {
		// No module known: the standard library is still not swept,
		// unless every path looks like one (GOPATH-style trees).
		return catalog.IsStd(pkgPath) && !catalog.IsStd(sw.pass.Pkg.Path())
	}
	return false
}

// foreignGenerated returns the base name of the file that declares the
// object at pos, another package's, when it is generated; files are read
// once, up to their package clause.
func (g *pinGraph) foreignGenerated(pos token.Pos) string {
	filename := g.sw.pass.Fset.Position(pos).Filename
	if filename == "" {
		return ""
	}
	gen, ok := g.foreign[filename]
	if !ok {
		gen = isGeneratedFile(filename)
		g.foreign[filename] = gen
	}
	if gen {
		return shortName(filename)
	}
	return ""
}

// isGeneratedFile reports whether the file has a "// Code generated ...
// DO NOT EDIT." line before its package clause, as ast.IsGenerated
// decides, reading no further.
func isGeneratedFile(filename string) bool {
	f, err := os.Open(filename)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "package ") {
			return false
		}
		if rest, ok := strings.CutPrefix(line, "// Code generated "); ok && strings.HasSuffix(rest, " DO NOT EDIT.") {
			return true
		}
	}
	return false
}

// fieldOwner returns the name of the named struct type of its package
// that declares the field v, or "".
func (g *pinGraph) fieldOwner(v *types.Var) string {
	pkg := v.Pkg()
	if pkg == nil {
		return ""
	}
	m, ok := g.fields[pkg]
	if !ok {
		m = make(map[*types.Var]string)
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if st, ok := tn.Type().Underlying().(*types.Struct); ok {
				for i := range st.NumFields() {
					m[st.Field(i)] = name
				}
			}
		}
		g.fields[pkg] = m
	}
	return m[v.Origin()]
}
