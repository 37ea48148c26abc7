package crossbuild

// facade is declared at package level on Windows only: an import named
// facade in any file of this package would break the Windows build.
func facade() {}
