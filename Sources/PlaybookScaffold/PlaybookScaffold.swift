// PlaybookScaffold: `playbook init`, `new`, `templates`, `status` and `update`. Plans each as
// values (site files in, files to write, what to print and the exit status out, typed refusals
// included); a new group goes through the checker before anything is written.
//
// Entry points: `SiteStarter` (init), `Skeleton` (a new page), `Replicator` (clone, drift,
// status, update), `ScaffoldWriter` (a plan written all or nothing, through
// `SiteTransaction`).
//
// Must not: touch the disk but through `ScaffoldWriter` and `SiteStarter.write`, or print: the
// command line prints what the reports say.
