package sa1027_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/sa1027"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// The fixture is type-checked for 386, where int64 fields align to 4.
func TestFixtures(t *testing.T) {
	t.Setenv("GOARCH", "386")
	analysistest.RunWithSuggestedFixes(t, testdata, sa1027.Analyzer, "vetsa1027")
}
