package session

import "fyne.io/fyne/v2"

// Step is one page of the company workspace, in the order of the conversation.
type Step struct {
	// ID names the step in code and tests, e.g. "profile".
	ID string
	// TitleID is the message id of the step's title.
	TitleID string
	// Build makes the step's view over the session; it runs each time the
	// step is shown, so a view never shows stale data.
	Build func(s *Session) StepView
	// Progress says how much of the step is filled in; a total of 0 means
	// the step has nothing to count. Nil for steps that only show results.
	Progress func(s *Session) (done, total int)
}

// StepView is a built step. Views keep their widgets in fields so that tests
// can tap and type on them.
type StepView interface {
	Content() fyne.CanvasObject
}
