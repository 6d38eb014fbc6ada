import Foundation
import PlaybookModel

/// `--format github`: GitHub Actions workflow commands, one per finding, and a Markdown step
/// summary with every finding (GitHub shows only the first few annotations of a step).
package enum GitHubReport {
    /// `::error file=…,line=…,col=…,title=…::message`. `pathPrefix` turns site-relative paths
    /// into repository-relative ones when the site is not the repository root (`docs/`).
    package static func commands(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        var out = ""
        for d in diagnostics {
            let properties = [
                "file=\(escapeProperty(VisibleText.escaped(pathPrefix + d.file)))", "line=\(d.position.line)",
                "col=\(d.position.column)",
                "title=\(escapeProperty(d.rule))",
            ]
            var message = VisibleText.escaped(d.message, keepingNewlines: true)
            if let hint = d.hint { message += "\n" + VisibleText.escaped(hint, keepingNewlines: true) }
            out +=
                "::\(d.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    /// The step summary: counts, then a table of every finding.
    package static func stepSummary(
        _ diagnostics: [Diagnostic], files: Int, language l: Language, pathPrefix: String = ""
    )
        -> String
    {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        var out = "## playbook check\n\n"
        out += l.pick(
            "检查了 \(files) 个文件：\(errors) 个错误，\(warnings) 个警告。\n",
            "檢查了 \(files) 個檔案：\(errors) 個錯誤，\(warnings) 個警告。\n",
            "\(files) files checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").\n"
        )
        guard !diagnostics.isEmpty else { return out }
        let header = [
            l.pick("位置", "位置", "Location"), l.pick("级别", "級別", "Severity"), l.pick("规则", "規則", "Rule"),
            l.pick("问题", "問題", "Problem"), l.pick("怎么改", "怎麼改", "Hint"),
        ]
        out += "\n| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for d in diagnostics {
            let cells = [
                "`\(pathPrefix + d.file):\(d.position.line):\(d.position.column)`", d.severity.rawValue, "`\(d.rule)`",
                d.message, d.hint ?? "",
            ]
            out +=
                "| " + cells.map { escapeCell(VisibleText.escaped($0, keepingNewlines: true)) }.joined(separator: " | ")
                + " |\n"
        }
        return out
    }

    /// Workflow command data: `%`, CR and LF are percent-encoded.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Workflow command properties: as data, plus `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func escapeCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
