package ui

// Placeholders until the steps are built; each helper removes its file.

func competencesStep() Step {
	return Step{ID: "competences", TitleID: "ui.step.competences", Build: func(*Session) StepView { return todoView{} }}
}

func statementsStep() Step {
	return Step{ID: "statements", TitleID: "ui.step.statements", Build: func(*Session) StepView { return todoView{} }}
}

func barriersStep() Step {
	return Step{ID: "barriers", TitleID: "ui.step.barriers", Build: func(*Session) StepView { return todoView{} }}
}

func checklistStep() Step {
	return Step{ID: "checklist", TitleID: "ui.step.checklist", Build: func(*Session) StepView { return todoView{} }}
}
