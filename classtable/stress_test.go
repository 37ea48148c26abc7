package classtable

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/packages"
)

// The facade's detector test (facade/stress/classes_test.go) declares the
// table syncsweep -fix would generate for its cache and store; this test
// generates it and checks the copy, so the detector is tested on what the
// generator makes.
func TestGeneratedTableForCacheStore(t *testing.T) {
	const facade = "github.com/syncsweep/syncsweep/facade"
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:   filepath.Join("..", "facade"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, "./stress")
	if err != nil {
		t.Fatal(err)
	}
	isFacadeLock := func(n *types.Named) bool {
		o := n.Obj()
		return o.Pkg() != nil && o.Pkg().Path() == facade && (o.Name() == "Mutex" || o.Name() == "RWMutex")
	}
	for _, p := range pkgs {
		if p.PkgPath != facade+"/stress_test" {
			continue
		}
		for i := range p.Syntax {
			name := p.CompiledGoFiles[i]
			if filepath.Base(name) != "classes_test.go" {
				continue
			}
			got := Render("stress_test", facade, Compute(p.Types, p.Syntax[i:i+1], p.TypesInfo, isFacadeLock))
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(got), "\n") {
				if !strings.Contains(line, "Receiver:") {
					continue
				}
				if !strings.Contains(squeeze(string(src)), squeeze(line)) {
					t.Errorf("classes_test.go does not declare the generated entry\n%s", line)
				}
			}
			return
		}
	}
	t.Fatal("facade/stress/classes_test.go not found in the loaded packages")
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
