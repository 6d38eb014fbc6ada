// PlaybookCLI: the thin command-line surface. Each command parses, calls the modules below,
// prints and returns its exit status; no stage logic lives here.
//
// Entry points: `PlaybookCommand.run(arguments:in:environment:)` (in-process: status, standard
// output and error captured), `PlaybookCommand.run(arguments:context:)` and
// `PlaybookCommand.main()` (the `playbook` executable).
//
// Must not: print but through the `CommandContext` a run is given (no `print`, no global
// stream), read the current folder or the environment but through it, or end the process but in
// `main` (serve's Ctrl-C and the language server's `exit` aside).
