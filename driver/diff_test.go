package driver

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// TestMyersReconstructs checks on random inputs that applying the edit
// script to a yields b, and that it is no longer than a simple bound.
func TestMyersReconstructs(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a\n", "b\n", "c\n", "d\n"}
	gen := func() []string {
		n := r.Intn(12)
		out := make([]string, n)
		for i := range out {
			out[i] = words[r.Intn(len(words))]
		}
		return out
	}
	for i := 0; i < 2000; i++ {
		a, b := gen(), gen()
		var got []string
		pos := 0
		changed := 0
		for _, o := range myers(a, b) {
			got = append(got, a[pos:o.ai]...)
			got = append(got, b[o.bi:o.bEnd()]...)
			pos = o.aEnd()
			changed += o.na + o.nb
		}
		got = append(got, a[pos:]...)
		if strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("a=%q b=%q: script gives %q", a, b, got)
		}
		if changed > len(a)+len(b) {
			t.Fatalf("a=%q b=%q: %d changed lines", a, b, changed)
		}
	}
}

// TestUnifiedApplies checks that our diff turns old into new, applied as
// patch(1) would (applyUnified, here, so that the test needs no tool the
// machine may lack), over edits at the start, the middle, the end, and far
// apart.
func TestUnifiedApplies(t *testing.T) {
	old := "package p\n\nimport \"sync\"\n\nvar a sync.Mutex\nvar b int\nvar c int\nvar d int\nvar e int\nvar f int\nvar g int\nvar h sync.Mutex\n"
	d := unified("a/p.go", "b/p.go", old, strings.ReplaceAll(old, "sync", "facade"))
	if !strings.Contains(d, "@@ -1,12 +1,12 @@\n package p\n \n-import \"sync\"\n+import \"facade\"\n") {
		t.Errorf("unexpected hunk:\n%s", d)
	}
	long := strings.Repeat("x\n", 30)
	tests := []struct{ name, old, new string }{
		{"renames", old, strings.ReplaceAll(old, "sync", "facade")},
		{"insert at the start", "a\nb\n", "z\na\nb\n"},
		{"delete at the end", "a\nb\nc\n", "a\nb\n"},
		{"two hunks far apart", "first\n" + long + "last\n", "FIRST\n" + long + "LAST\n"},
		{"everything", "a\n", "b\nc\n"},
	}
	for _, tt := range tests {
		d := unified("a/p.go", "b/p.go", tt.old, tt.new)
		got, err := applyUnified(tt.old, d)
		if err != nil || got != tt.new {
			t.Errorf("%s: applied: %q, %v; want %q\ndiff:\n%s", tt.name, got, err, tt.new, d)
		}
	}
	if unified("a", "b", old, old) != "" {
		t.Error("equal inputs gave a diff")
	}
}

// hunkRangeOf parses "start" or "start,count" (a count of 1 goes without).
func hunkRangeOf(s string) (start, count int, err error) {
	count = 1
	if a, b, ok := strings.Cut(s, ","); ok {
		s = a
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, err
		}
	}
	start, err = strconv.Atoi(s)
	return start, count, err
}

// applyUnified applies a unified diff of one file to old, checking every
// context and deleted line against it, as patch(1) does without fuzz.
func applyUnified(old, diff string) (string, error) {
	src := splitLines(old)
	var out []string
	next := 0 // index of the first line of src not yet copied
	lines := strings.SplitAfter(diff, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "@@ ") {
			continue
		}
		f := strings.Fields(l) // @@ -a[,n] +b[,m] @@
		if len(f) < 4 {
			return "", fmt.Errorf("hunk header %q", l)
		}
		a, na, err := hunkRangeOf(strings.TrimPrefix(f[1], "-"))
		if err != nil {
			return "", fmt.Errorf("hunk header %q: %v", l, err)
		}
		start := a - 1
		if na == 0 {
			start = a // an insertion after line a
		}
		if start < next {
			return "", fmt.Errorf("hunk %q overlaps the one before", l)
		}
		out = append(out, src[next:start]...)
		pos := start
		for i+1 < len(lines) && len(lines[i+1]) > 0 && strings.ContainsRune(" -+", rune(lines[i+1][0])) {
			i++
			body := lines[i][1:]
			switch lines[i][0] {
			case ' ', '-':
				if pos >= len(src) || src[pos] != body {
					return "", fmt.Errorf("line %d is %q, the diff says %q", pos+1, src[pos:min(pos+1, len(src))], body)
				}
				if lines[i][0] == ' ' {
					out = append(out, body)
				}
				pos++
			case '+':
				out = append(out, body)
			}
		}
		next = pos
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

func TestOldLine(t *testing.T) {
	old := "a\nb\nc\nd\ne\n"
	new := "a\nX\nY\nc\ne\nf\n"
	tests := []struct{ line, want int }{
		{1, 1}, // unchanged
		{2, 2}, // X replaces b
		{3, 2}, // Y, same change
		{4, 3}, // c
		{5, 5}, // e, after d was deleted
		{6, 6}, // f, added at the end
	}
	for _, tt := range tests {
		if got := oldLine(old, new, tt.line); got != tt.want {
			t.Errorf("oldLine(%d) = %d, want %d", tt.line, got, tt.want)
		}
	}
}
