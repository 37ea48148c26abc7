package driver

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lockUses returns the paths of the packages whose lock-typed objects the
// given files use where the type matters: a package the sweep does not
// change still stops compiling when it hands &x.mu, or a func(*sync.Mutex),
// of a package whose locks moved to code that wants the old type. A lock
// used only through its methods (x.mu.Lock(), wg.Wait()) or a function only
// called keeps compiling, since the facade has the same methods and the
// call's own arguments would be the caller's, so such uses do not count.
func lockUses(fset *token.FileSet, info *types.Info, files []*ast.File, moves func(types.Type) bool) map[string]bool {
	if info == nil {
		return nil
	}
	in := make(map[*token.File]bool, len(files))
	for _, f := range files {
		in[fset.File(f.Pos())] = true
	}
	safe := make(map[*ast.Ident]bool)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				safe[fun] = true
			case *ast.SelectorExpr:
				sel := info.Selections[fun]
				if sel == nil || sel.Kind() != types.MethodVal {
					safe[fun.Sel] = true // a package's function, or a func-typed field, called
					break
				}
				// The receiver's path: x, s and mu in x.s[i].mu.Lock().
				e := ast.Unparen(fun.X)
			walk:
				for {
					switch x := e.(type) {
					case *ast.Ident:
						safe[x] = true
						break walk
					case *ast.SelectorExpr:
						safe[x.Sel] = true
						e = ast.Unparen(x.X)
					case *ast.IndexExpr:
						e = ast.Unparen(x.X)
					case *ast.StarExpr:
						e = ast.Unparen(x.X)
					default:
						break walk
					}
				}
			}
			return true
		})
	}
	out := make(map[string]bool)
	for id, obj := range info.Uses {
		if safe[id] || obj.Pkg() == nil {
			continue
		}
		switch obj.(type) {
		case *types.Var, *types.Func:
		default:
			continue
		}
		if path := obj.Pkg().Path(); path == "sync" || path == "sync/atomic" || out[path] {
			continue
		}
		if !in[fset.File(id.Pos())] || !moves(obj.Type()) {
			continue
		}
		out[obj.Pkg().Path()] = true
	}
	return out
}
