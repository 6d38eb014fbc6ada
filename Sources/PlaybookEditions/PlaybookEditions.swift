// PlaybookEditions: the only door to OpenCC (`COpenCC`). Converts text between Simplified and
// Traditional Chinese at the phrase level with a named OpenCC configuration, converts a parsed
// page for a script edition without touching what must stay as written, and derives the
// character folding the checker and the search share.
//
// Entry points: `ScriptConverter.open`, `EditionConverter`, `ScriptChangeFinder.shared`,
// `ScriptTable`.
//
// Must not: let an OpenCC type out of this module. The only files it touches are OpenCC's data
// and the phrase dictionaries it writes for an edition into a temporary folder.
