// Package ratings holds steps 3 to 6, where the company is rated: the
// competences its entry modes require, the POMI statements, the barriers it
// feels and the checklist, on one shared rating control.
package ratings
