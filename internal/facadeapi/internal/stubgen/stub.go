package stubgen

import (
	"bytes"
	"go/ast"
	"go/build/constraint"
	"go/format"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// stubMessage is what every stubbed body panics with. Nothing runs the stub
// (the tool only type-checks against it), so the text only has to be
// recognisable if a stub ever ends up linked by mistake.
const stubMessage = "facadeapi stub"

// stubFile rewrites f, parsed with comments from fset, into its stub and
// returns the stub's gofmt-formatted source. f is modified in place.
//
// Everything that decides a type is kept: every declaration, struct fields
// (unexported ones too, since they decide size, alignment and
// comparability), signatures, constants, and the initializers of vars
// declared without a type. What only decides behaviour goes: bodies become a
// panic, typed vars lose their values, and comments go, except the
// //go:build line, from which the parser takes the file's Go version.
func stubFile(fset *token.FileSet, f *ast.File) ([]byte, error) {
	dropComments(f)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			// A declaration without a body (implemented in assembly) gets one
			// too: the stub has no assembly to pair it with.
			pos := d.Type.End()
			if d.Body != nil {
				pos = d.Body.Lbrace
			}
			d.Body = stubBody(pos)
		case *ast.GenDecl:
			if d.Tok == token.VAR {
				for _, s := range d.Specs {
					stubVar(s.(*ast.ValueSpec))
				}
			}
		}
	}
	removeUnusedImports(fset, f)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dropComments leaves the //go:build line as f's only comment. Legacy
// // +build lines go too: gofmt has kept them in step with //go:build since
// Go 1.17, and the parser reads only the latter.
func dropComments(f *ast.File) {
	var keep []*ast.CommentGroup
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if constraint.IsGoBuild(c.Text) {
				keep = []*ast.CommentGroup{{List: []*ast.Comment{c}}}
			}
		}
	}
	f.Comments = keep
	// The printer prints the comments that nodes point to when the file
	// lists none, so those go as well.
	f.Doc = nil
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			n.Doc = nil
		case *ast.GenDecl:
			n.Doc = nil
		case *ast.ImportSpec:
			n.Doc, n.Comment = nil, nil
		case *ast.ValueSpec:
			n.Doc, n.Comment = nil, nil
		case *ast.TypeSpec:
			n.Doc, n.Comment = nil, nil
		case *ast.Field:
			n.Doc, n.Comment = nil, nil
		}
		return true
	})
}

// stubVar drops the values of a var spec that states its type. A spec
// without a type keeps its values, which the type is inferred from, but
// any function literal in them is stubbed like a declared function.
func stubVar(s *ast.ValueSpec) {
	if s.Type != nil {
		s.Values = nil
		return
	}
	for _, v := range s.Values {
		ast.Inspect(v, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				lit.Body = stubBody(lit.Body.Lbrace)
				return false
			}
			return true
		})
	}
}

// stubBody returns `{ panic("facadeapi stub") }`, a terminating statement,
// so it stands for the body of a function with results too. Every position
// is pos, the original opening brace, so that the printer keeps the body on
// the signature's line.
func stubBody(pos token.Pos) *ast.BlockStmt {
	call := &ast.CallExpr{
		Fun:    &ast.Ident{NamePos: pos, Name: "panic"},
		Lparen: pos,
		Args:   []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(stubMessage)}},
		Rparen: pos,
	}
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: call}}, Rbrace: pos}
}

// removeUnusedImports deletes the imports that only the dropped bodies and
// values used; the type checker rejects an unused import.
func removeUnusedImports(fset *token.FileSet, f *ast.File) {
	// Collect first: deleting edits f.Imports.
	type imp struct{ name, path string }
	var unused []imp
	for _, s := range f.Imports {
		path, err := strconv.Unquote(s.Path.Value)
		if err != nil || astutil.UsesImport(f, path) {
			continue
		}
		name := ""
		if s.Name != nil {
			name = s.Name.Name
		}
		unused = append(unused, imp{name, path})
	}
	for _, u := range unused {
		astutil.DeleteNamedImport(fset, f, u.name, u.path)
	}
}
