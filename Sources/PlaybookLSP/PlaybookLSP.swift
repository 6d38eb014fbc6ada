// PlaybookLSP: `playbook lsp`, a Language Server Protocol 3.17 server over standard input and
// output. It holds the handbook parsed in memory (an `Engine`), checks each open page as it
// is edited with the real checker, and offers completion, code actions, hover, go to
// definition and the outline from the same rules.
//
// Entry points: `StandardStreams.serve` (the transport: framing, threads, exit),
// `LanguageServer` (the protocol handling, which tests drive in-process), `MessageFramer`.
//
// Must not: check by rules of its own: findings are the checker's, as `playbook check` gives them.
