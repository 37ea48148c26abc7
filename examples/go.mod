module example.com/legacy

go 1.21

require github.com/syncsweep/syncsweep/facade v0.0.0

// The facade lives in this repository; a real workspace gets it with
// `go get github.com/syncsweep/syncsweep/facade@latest` instead.
replace github.com/syncsweep/syncsweep/facade => ../facade
