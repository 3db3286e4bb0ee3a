package ui

// Placeholders until the steps are built; each helper removes its file.

func resultsStep() Step {
	return Step{ID: "results", TitleID: "ui.step.results", Build: func(*Session) StepView { return todoView{} }}
}

func historyStep() Step {
	return Step{ID: "history", TitleID: "ui.step.history", Build: func(*Session) StepView { return todoView{} }}
}
