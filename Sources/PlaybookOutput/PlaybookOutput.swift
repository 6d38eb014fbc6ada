// PlaybookOutput: stage 5, WRITE. Puts rendered files on disk all at once: the site is written
// into a temporary folder beside the output, flushed, and swapped in only when every file is
// written, so a failed or interrupted build leaves the previous site as it was. A lock keeps two
// processes from writing one output, files the user keeps there are carried over, and a file
// whose bytes did not change is linked from the previous build rather than written again. Also
// `SiteTransaction`: the all-or-nothing change to the site's own files that `new`, `update` and
// `init` write through, finished by the next writing command after a kill.
//
// Entry points: `OutputWriter` (`write`, or `begin` → `Staging.add` → `commit`),
// `IncrementalWriter`, `OutputPlacement.check`, `OutputLock`, `SiteTransaction`.
//
// Must not: decide what to write; it writes the files it is given.
