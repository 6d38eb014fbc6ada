import Foundation
import PlaybookModel

/// One storage for equal texts, shared by every thread of a check: a finding's message and
/// hint become the first equal text seen, so a thousand equal findings hold their words once.
/// Texts are equal when their bytes are (they are written out as they are); texts of up to 15
/// bytes live inside the string value and are left as they are.
/// Unchecked: `texts` is read and written only under `lock`.
final class TextInterner: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: Set<ExactText> = []

    func shared(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        lock.lock()
        defer { lock.unlock() }
        return texts.insert(ExactText(text)).memberAfterInsert.text
    }

    /// `diagnostic` with its message and hint shared.
    func sharing(_ diagnostic: Diagnostic) -> Diagnostic {
        var shared = diagnostic
        shared.message = self.shared(diagnostic.message)
        shared.hint = diagnostic.hint.map(self.shared)
        return shared
    }
}
