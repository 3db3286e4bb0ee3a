package app

// Version is POMI Planner's version. It must equal Version in FyneApp.toml,
// which packaging reads; a test holds the two together. The PDF's metadata
// and the CLI name it.
const Version = "0.1.0"
