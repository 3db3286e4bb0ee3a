// Package markets is step 2, the entry modes the company uses or plans and
// its markets, with the searchable country picker the profile uses too.
package markets
