// Command gen writes internal/facadeapi/api.go, the stub of the facade's
// default build that the tool type-checks swept code against. Run it from
// the module root after changing facade/ or facade/atomic:
//
//	go run ./internal/facadeapi/gen
//
// TestUpToDate fails until it has been run.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/syncsweep/syncsweep/internal/facadeapi/internal/stubgen"
)

func main() {
	facadeDir := flag.String("facade", "facade", "`dir`ectory of the facade module")
	out := flag.String("o", "internal/facadeapi/api.go", "output `file`")
	flag.Parse()
	if err := run(*facadeDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "facadeapi/gen:", err)
		os.Exit(1)
	}
}

func run(facadeDir, out string) error {
	src, err := stubgen.Generate(facadeDir)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
