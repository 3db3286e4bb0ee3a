package ui

// Placeholders until the steps are built; each helper removes its file.

func actionsStep() Step {
	return Step{ID: "actions", TitleID: "ui.step.actions", Build: func(*Session) StepView { return todoView{} }}
}

func reportStep() Step {
	return Step{ID: "report", TitleID: "ui.step.report", Build: func(*Session) StepView { return todoView{} }}
}
