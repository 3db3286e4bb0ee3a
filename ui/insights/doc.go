// Package insights is the home screen's third tab: what the companies that
// pass the portfolio filter have in common over a period the advisor picks
// — how many were assessed and how often, how each POMI score is
// distributed, the competence gaps most often found per entry mode, the
// barriers most often felt, the recommendations most often given, and how
// the gaps moved for the companies assessed twice or more.
//
// The figures are portfolio.ComputeInsights's, computed off the UI thread
// from the portfolio in memory (clientbook.Book); a result that a newer
// filter, period or read of the book has overtaken is dropped. The charts
// are small widgets drawn with canvas primitives in the current theme's
// colours and sizes, so they read in the light and the dark theme and at any
// scale; every bar carries its number, and the scores' colour scale (blue
// near the top, orange far below) reads for colour-blind people.
package insights
