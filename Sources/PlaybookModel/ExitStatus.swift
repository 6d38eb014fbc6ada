/// Playbook's exit statuses: one table for every command (the README's "Exit status").
package enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done; warnings allowed.
    case success = 0
    /// Done, and what it found needs a person: the handbook has errors (`check`, `build`;
    /// warnings too with `--strict`), a group is behind its template or holds conflict markers
    /// (`status`, `update`), or a new group's pages would have errors (`new group`).
    case findings = 1
    /// Not done, and nothing changed: a usage error, an error in `playbook.yml`, or input that
    /// cannot be acted on (an unknown template or kind, missing answers, a file or folder that
    /// would be overwritten, an output folder that is refused).
    case refused = 2
}
