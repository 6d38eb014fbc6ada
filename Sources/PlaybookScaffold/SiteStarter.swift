import Foundation
import PlaybookModel

/// `playbook init`: a small handbook that passes `playbook check` and builds, in one of the
/// interface languages: the config, a home page, one group charter, group rules, an onboarding
/// flow, an SOP and a replication template. The texts are kept as one archive per language in
/// `Starter/` (embedded at build time), written as txtar: `-- path --` lines start each file.
package enum SiteStarter {
    /// What `init` writes, by path relative to the new site's root; `title` (quoted for
    /// YAML) replaces `{{title}}` in the archive: the handbook's name in the config and home page.
    package static func files(language: Language, title: String? = nil) -> [String: String] {
        let name = title ?? defaultTitle(language)
        var files: [String: String] = [:]
        for (path, text) in archive(archives[language]!) {
            files[path] = text.replacingOccurrences(of: "{{title}}", with: Skeleton.yamlQuote(name))
        }
        return files
    }

    /// Paths that must not exist for `init` to write into a folder: a site is never written
    /// over another one.
    package static let occupied = ["playbook.yml", "content"]

    package static func defaultTitle(_ language: Language) -> String {
        language.pick("社群手册", "社群手冊", "Community handbook")
    }

    /// Splits a txtar archive: a leading comment, then `-- path --` lines each starting a file.
    static func archive(_ text: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var current: String?
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let current { files.append((current, body)) }
                current = String(line.dropFirst(3).dropLast(3))
                body = ""
            } else if current != nil {
                body += line + "\n"
            }
        }
        if let current { files.append((current, String(body.dropLast()))) }
        return files
    }

    private static let archives: [Language: String] = [
        .zhHans: String(decoding: PackageResources.zh_Hans_txtar, as: UTF8.self),
        .zhHant: String(decoding: PackageResources.zh_Hant_txtar, as: UTF8.self),
        .en: String(decoding: PackageResources.en_txtar, as: UTF8.self),
    ]
}
