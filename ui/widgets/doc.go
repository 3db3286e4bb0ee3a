// Package widgets holds reusable widgets with no feature of their own: the
// large choice buttons of the first start page, the readable column, and
// FollowFocus, which scrolls the focused field into view.
package widgets
