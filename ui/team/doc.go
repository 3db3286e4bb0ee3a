// Package team is the window's side of team mode: signing in to the
// organisation's pomi-server (a section of the settings), the background
// sync rounds, the calm sync state beside the language choice and the view
// where the advisor resolves conflicts. Without a team.json in the data
// folder none of it shows or runs, except the sign-in section.
package team
