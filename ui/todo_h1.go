package ui

// Placeholders until the steps are built; each helper removes its file.

func profileStep() Step {
	return Step{ID: "profile", TitleID: "ui.step.profile", Build: func(*Session) StepView { return todoView{} }}
}

func modesStep() Step {
	return Step{ID: "modes", TitleID: "ui.step.modes", Build: func(*Session) StepView { return todoView{} }}
}
