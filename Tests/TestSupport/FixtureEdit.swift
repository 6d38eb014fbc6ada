import Testing

extension String {
    /// The text with every `old` replaced by `new`, for editing a fixture in a test. An edit
    /// that finds no `old` is a test failure: otherwise a fixture that changed would leave the
    /// test checking the unedited text and passing for the wrong reason.
    public func edited(_ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if !contains(old) {
            Issue.record("the fixture edit found no \"\(old)\" to replace", sourceLocation: sourceLocation)
        }
        return replacing(old, with: new)
    }
}
