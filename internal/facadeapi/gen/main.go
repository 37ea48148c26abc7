// Command gen writes internal/facadeapi/api.go, the stub of the facade's
// default build that the tool type-checks swept code against, and the same
// stub as the fixtures' facade under testdata/src (with .golden files).
// Run it from the module root after changing facade/ or facade/atomic:
//
//	go run ./internal/facadeapi/gen
//
// TestUpToDate and TestFixtureUpToDate fail until it has been run.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/syncsweep/syncsweep/internal/facadeapi/internal/stubgen"
)

func main() {
	facadeDir := flag.String("facade", "facade", "`dir`ectory of the facade module")
	out := flag.String("o", "internal/facadeapi/api.go", "output `file`")
	testdata := flag.String("testdata", "testdata/src", "the fixtures' GOPATH `src` directory, for their copy of the stub")
	flag.Parse()
	if err := run(*facadeDir, *out, *testdata); err != nil {
		fmt.Fprintln(os.Stderr, "facadeapi/gen:", err)
		os.Exit(1)
	}
}

func run(facadeDir, out, testdata string) error {
	src, err := stubgen.Generate(facadeDir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	files, err := stubgen.Fixture(facadeDir)
	if err != nil {
		return err
	}
	// The fixtures' facade is the stub and nothing else: what the stub
	// no longer has goes too.
	for _, dir := range []string{"github.com/syncsweep/syncsweep/facade", "github.com/syncsweep/syncsweep/facade/atomic"} {
		old, _ := filepath.Glob(filepath.Join(testdata, dir, "*.go*"))
		for _, name := range old {
			if err := os.Remove(name); err != nil {
				return err
			}
		}
	}
	for name, data := range files {
		path := filepath.Join(testdata, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
