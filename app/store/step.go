package store

// fileStepHook, when set, is called at each point between two file
// operations of a backup, restore, purge or mark, with the point's name:
// the crash harness stops the process there, one point after another, to
// prove that a kill at any of them loses nothing. It is nil in the program.
var fileStepHook func(point string)

// fileStep marks such a point.
func fileStep(point string) {
	if fileStepHook != nil {
		fileStepHook(point)
	}
}
