// Package companies is the list of clients: search, new, duplicate, delete
// (also from every backup) and the example companies.
package companies
