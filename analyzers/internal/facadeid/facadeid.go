// Package facadeid tells the facade's objects by identity, for the
// analyzers that check the facade's API as go vet and staticcheck check
// sync's: a function or method of a given package path, whatever the
// policy's facade is.
package facadeid

import "go/types"

// Imports reports whether p imports path directly.
func Imports(p *types.Package, path string) bool {
	for _, imp := range p.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// IsMethod reports whether obj is one of the methods names of the type
// typ (or *typ) declared in package pkg.
func IsMethod(obj types.Object, pkg, typ string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != pkg || !contains(names, fn.Name()) {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Name() == typ
}

// IsFunc reports whether obj is one of the package-level functions names
// of package pkg.
func IsFunc(obj types.Object, pkg string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Type().(*types.Signature).Recv() == nil && contains(names, fn.Name())
}

func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}
