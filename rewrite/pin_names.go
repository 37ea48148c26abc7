package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Naming the declarations a pin can reach: a node for each variable,
// field, parameter and result, and the label a report gives it.

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
