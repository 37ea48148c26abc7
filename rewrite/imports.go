package rewrite

import (
	"go/ast"
	"go/token"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// importEdits returns the edits that make the file import each group's
// target under its chosen name and drop the source imports in gone.
//
// Placement follows goimports: the facade is not a standard package, so
// it joins the import group of non-standard packages that shares the
// longest path prefix with it, or starts a group of its own at the end of
// the import block. Only where the source imports were the whole block is
// the source replaced in place. A source import's doc and line comments
// travel with its replacement.
func (fi *fileInfo) importEdits(gone map[*ast.ImportSpec]bool, names []string) []analysis.TextEdit {
	tf := fi.pass.Fset.File(fi.file.Pos())
	var edits []analysis.TextEdit
	inPlace := make(map[*ast.ImportSpec]bool)
	// New specs to place, per import declaration, in group order.
	type placement struct {
		decl         *ast.GenDecl
		text, target string
	}
	var place []placement
	for i, g := range fi.groups {
		if g.existing != nil {
			continue
		}
		text := strconv.Quote(g.target)
		if base := path.Base(g.target); names[i] != base || !token.IsIdentifier(base) {
			text = names[i] + " " + text
		}
		var first *ast.ImportSpec // first source import of g that goes
		for _, sp := range g.specs {
			if gone[sp] && !inPlace[sp] {
				first = sp
				break
			}
		}
		anchor := g.specs[0]
		if first != nil {
			anchor = first
			if decl := declOf(fi.file, first); decl != nil && remaining(decl, gone) == 0 {
				// The block held only lock imports: nothing to keep
				// apart from, so replace in place.
				start := first.Path.Pos()
				if first.Name != nil {
					start = first.Name.Pos()
				}
				if start == decl.TokPos+token.Pos(len("import")) {
					text = " " + text // import"sync" becomes import name "path"
				}
				edits = append(edits, analysis.TextEdit{Pos: start, End: first.Path.End(), NewText: []byte(text)})
				inPlace[first] = true
				continue
			}
			text = commentsOf(first, text)
		}
		place = append(place, placement{declOf(fi.file, anchor), text, g.target})
	}
	edits = append(edits, deletions(tf, fi.file, gone, inPlace)...)
	// Place the new specs, one insertion per anchor so that several
	// new imports starting a group end up in the same group.
	texts := make(map[token.Pos][]string)
	newGroup := make(map[token.Pos]bool)
	declOfPos := make(map[token.Pos]*ast.GenDecl)
	var order []token.Pos
	for _, p := range place {
		pos, fresh := insertionPoint(tf, fi.file, p.decl, gone, p.target)
		if _, ok := texts[pos]; !ok {
			order = append(order, pos)
		}
		texts[pos] = append(texts[pos], p.text)
		newGroup[pos] = fresh
		declOfPos[pos] = p.decl
	}
	for _, pos := range order {
		sep := "\n\t"
		if newGroup[pos] {
			sep = "\n\n\t"
		}
		// The anchor's declaration, not the one at pos: pos may lie past
		// a line comment that ends an unparenthesized import.
		if decl := declOfPos[pos]; decl != nil && !decl.Lparen.IsValid() {
			sep = "\nimport "
			edits = append(edits, analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(sep + strings.Join(texts[pos], sep))})
			continue
		}
		edits = append(edits, analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(sep + strings.Join(texts[pos], "\n\t"))})
	}
	return edits
}

// remaining counts the specs of decl that stay.
func remaining(decl *ast.GenDecl, gone map[*ast.ImportSpec]bool) int {
	n := 0
	for _, s := range decl.Specs {
		if !gone[s.(*ast.ImportSpec)] {
			n++
		}
	}
	return n
}

// commentsOf returns text with the doc and line comments of spec.
func commentsOf(spec *ast.ImportSpec, text string) string {
	if spec.Comment != nil {
		for _, c := range spec.Comment.List {
			text += " " + c.Text
		}
	}
	if spec.Doc != nil {
		var doc []string
		for _, c := range spec.Doc.List {
			doc = append(doc, c.Text)
		}
		text = strings.Join(doc, "\n\t") + "\n\t" + text
	}
	return text
}

// commonPrefix counts the leading path elements a and b share.
func commonPrefix(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

// insertionPoint returns where a new non-standard import goes in decl:
// after the last spec of the best group of non-standard imports, or, when
// there is none, after the last spec that stays, as a new group.
func insertionPoint(tf *token.File, f *ast.File, decl *ast.GenDecl, gone map[*ast.ImportSpec]bool, target string) (token.Pos, bool) {
	if !decl.Lparen.IsValid() {
		if sharesLine(tf, f, decl) {
			return decl.End(), false // code follows on the line
		}
		return lineEnd(tf, decl.End()), false
	}
	// Split the staying specs into groups at blank lines.
	var groups [][]*ast.ImportSpec
	var prevEnd int
	for _, s := range decl.Specs {
		spec := s.(*ast.ImportSpec)
		if gone[spec] {
			continue
		}
		start := spec.Pos()
		if spec.Doc != nil {
			start = spec.Doc.Pos()
		}
		if len(groups) == 0 || tf.Line(start) > prevEnd+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], spec)
		prevEnd = tf.Line(specEnd(spec))
	}
	best, bestScore := -1, -1
	for i, grp := range groups {
		score := -1
		for _, spec := range grp {
			if p := importPath(spec); !catalog.IsStd(p) {
				score = max(score, commonPrefix(p, target))
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		grp := groups[best]
		return afterSpec(tf, decl, grp[len(grp)-1]), false
	}
	last := groups[len(groups)-1]
	return afterSpec(tf, decl, last[len(last)-1]), true
}

// afterSpec returns where text goes after spec: the end of its line, or
// just before the closing parenthesis when that shares the line.
func afterSpec(tf *token.File, decl *ast.GenDecl, spec *ast.ImportSpec) token.Pos {
	if tf.Line(decl.Rparen) == tf.Line(specEnd(spec)) {
		return decl.Rparen
	}
	return lineEnd(tf, specEnd(spec))
}

// sharesLine reports whether another declaration, or the package clause,
// starts or ends on a line of decl, so that deleting or appending whole
// lines would take it too.
func sharesLine(tf *token.File, f *ast.File, decl ast.Decl) bool {
	first, last := tf.Line(decl.Pos()), tf.Line(decl.End())
	if tf.Line(f.Name.End()) == first {
		return true
	}
	for _, d := range f.Decls {
		if d != decl && (tf.Line(d.End()) == first || tf.Line(d.Pos()) == last) {
			return true
		}
	}
	return false
}

func specEnd(spec *ast.ImportSpec) token.Pos {
	if spec.Comment != nil {
		return spec.Comment.End()
	}
	return spec.End()
}

// lineEnd returns the position of the newline that ends pos's line.
func lineEnd(tf *token.File, pos token.Pos) token.Pos {
	line := tf.Line(pos)
	if line < tf.LineCount() {
		return tf.LineStart(line+1) - 1
	}
	return token.Pos(tf.Base() + tf.Size())
}

// declOf returns the import declaration that holds spec.
func declOf(f *ast.File, spec *ast.ImportSpec) *ast.GenDecl {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s == spec {
				return gd
			}
		}
	}
	return nil
}

// lineSpan returns the offsets of the whole lines from pos to end,
// including the final newline.
func lineSpan(tf *token.File, pos, end token.Pos) (token.Pos, token.Pos) {
	start := tf.LineStart(tf.Line(pos))
	last := tf.Line(end)
	if last < tf.LineCount() {
		return start, tf.LineStart(last + 1)
	}
	return start, token.Pos(tf.Base() + tf.Size())
}

// deletions returns the edits that remove the gone imports that are not
// replaced in place: whole lines, with their comments, or the whole
// declaration when nothing in it stays.
func deletions(tf *token.File, f *ast.File, gone, inPlace map[*ast.ImportSpec]bool) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var doomed []*ast.ImportSpec
		for _, s := range gd.Specs {
			if spec := s.(*ast.ImportSpec); gone[spec] && !inPlace[spec] {
				doomed = append(doomed, spec)
			}
		}
		if len(doomed) == 0 {
			continue
		}
		if len(doomed) == len(gd.Specs) {
			if sharesLine(tf, f, gd) {
				edits = append(edits, analysis.TextEdit{Pos: gd.Pos(), End: gd.End()})
				continue
			}
			pos := gd.Pos()
			if gd.Doc != nil {
				pos = gd.Doc.Pos()
			}
			start, end := lineSpan(tf, pos, gd.End())
			edits = append(edits, analysis.TextEdit{Pos: start, End: end})
			continue
		}
		for _, spec := range doomed {
			edits = append(edits, deleteSpec(tf, gd, spec))
		}
	}
	return edits
}

// deleteSpec removes one import from a declaration that keeps others.
func deleteSpec(tf *token.File, gd *ast.GenDecl, spec *ast.ImportSpec) analysis.TextEdit {
	pos, end := spec.Pos(), specEnd(spec)
	if spec.Doc != nil {
		pos = spec.Doc.Pos()
	}
	for _, s := range gd.Specs {
		if s != spec && (tf.Line(s.End()) == tf.Line(pos) || tf.Line(s.Pos()) == tf.Line(end)) {
			return analysis.TextEdit{Pos: spec.Pos(), End: spec.End()} // shares a line
		}
	}
	if tf.Line(gd.Lparen) == tf.Line(pos) || tf.Line(gd.Rparen) == tf.Line(end) {
		return analysis.TextEdit{Pos: spec.Pos(), End: spec.End()} // "import (x" or "x)"
	}
	start, stop := lineSpan(tf, pos, end)
	return analysis.TextEdit{Pos: start, End: stop}
}
