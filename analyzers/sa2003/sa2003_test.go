package sa2003_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/sa2003"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, sa2003.Analyzer, "vetsa2003")
}
