package sa6002_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/sa6002"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, sa6002.Analyzer, "vetsa6002")
}
