// Package settings is the organisation's settings: the graphic profile on
// the plans (name, colour, logo, advisor, footer), the languages and paper,
// and the data folder with its backups.
package settings
