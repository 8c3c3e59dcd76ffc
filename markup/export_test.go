package markup

import "testing"

// Internals for the external tests.
var (
	CleanChecked = clean
	Skeleton     = skeleton
)

// CheckView checks the invariants of a view of src.
func CheckView(t testing.TB, src string, v *View) { checkView(t, src, v) }
