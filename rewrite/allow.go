package rewrite

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// AllowDirective is the comment that keeps one direct use on sync:
//
//	mu sync.Mutex //syncsweep:allow handed to C code that expects a pthread-sized lock
//
// At the end of a line it covers that line. On a line of its own (alone
// or in a doc comment) it covers the whole declaration, field or statement
// that starts on the next line.
const AllowDirective = "//syncsweep:allow"

// An Allow is one //syncsweep:allow directive, or a golangci-lint
// //nolint comment that names syncsweep (or all linters), as the sweep
// found it.
type Allow struct {
	Pos    token.Pos
	Reason string // the text after the directive; "" is itself a finding
	Used   int    // how many direct uses it kept
	// Nolint marks a //nolint comment. The sweep honours it as golangci-lint
	// does, so that the fixes of a file's other findings never delete an
	// import that a line golangci-lint filtered out still needs; auditing
	// it is nolintlint's job.
	Nolint bool
	from   token.Pos
	to     token.Pos // covered range [from, to)
}

// covers reports whether the directive keeps the use at pos.
func (a *Allow) covers(pos token.Pos) bool { return a.from <= pos && pos < a.to }

// allowsIn returns the file's directives with the ranges they cover. src
// is the file's content, which tells a directive at the end of a line of
// code from one on a line of its own.
func allowsIn(tf *token.File, f *ast.File, src []byte) []*Allow {
	var out []*Allow
	for _, g := range f.Comments {
		for _, c := range g.List {
			a := parseAllow(c)
			if a == nil {
				continue
			}
			if trailing(tf, src, c.Pos()) {
				line := tf.Line(c.Pos())
				a.from = tf.LineStart(line)
				a.to = lineEnd(tf, c.Pos())
			} else if n := nodeAfter(tf, f, g); n != nil {
				a.from, a.to = n.Pos(), n.End()
			}
			out = append(out, a)
		}
	}
	return out
}

// parseAllow returns the Allow a comment holds, if any.
func parseAllow(c *ast.Comment) *Allow {
	if reason, ok := strings.CutPrefix(c.Text, AllowDirective); ok && (reason == "" || reason[0] == ' ' || reason[0] == '\t') {
		return &Allow{Pos: c.Pos(), Reason: strings.TrimSpace(reason)}
	}
	// golangci-lint's form: //nolint, //nolint:a,b, then "// reason".
	rest, ok := strings.CutPrefix(c.Text, "//nolint")
	if !ok {
		return nil
	}
	names := ""
	if after, ok := strings.CutPrefix(rest, ":"); ok {
		names, rest, _ = strings.Cut(after, " ")
		rest = " " + rest
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil // //nolintx is another word
	}
	if names != "" && !slices.ContainsFunc(strings.Split(names, ","), func(n string) bool {
		n = strings.TrimSpace(n)
		return n == "syncsweep" || n == "all"
	}) {
		return nil
	}
	_, reason, _ := strings.Cut(rest, "//")
	return &Allow{Pos: c.Pos(), Reason: strings.TrimSpace(reason), Nolint: true}
}

// trailing reports whether code precedes pos on its line.
func trailing(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if off > len(src) {
		return false
	}
	return strings.TrimLeft(string(src[start:off]), " \t") != ""
}

// nodeAfter returns the outermost node that starts on the line after the
// comment group g ends: the declaration, field or statement it documents.
func nodeAfter(tf *token.File, f *ast.File, g *ast.CommentGroup) ast.Node {
	next := tf.Line(g.End()) + 1
	var found ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || found != nil {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		if n.Pos() > g.End() && tf.Line(n.Pos()) == next {
			found = n
			return false
		}
		// Descend only into nodes that could hold the next line.
		return n.Pos() <= g.End() || tf.Line(n.Pos()) <= next
	})
	return found
}

// allowing returns the directive that keeps the use at pos, if any.
func allowing(allows []*Allow, pos token.Pos) *Allow {
	for _, a := range allows {
		if a.covers(pos) {
			return a
		}
	}
	return nil
}

// DirectiveLen is the length of [AllowDirective], for diagnostics that
// span it.
const DirectiveLen = token.Pos(len(AllowDirective))
