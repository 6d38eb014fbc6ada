import Foundation

/// Reads a built site and finds every internal link or anchor that does not resolve, including
/// links to a folder, which open a folder listing when the site is read from disk (`file://`).
public struct SiteWalker {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public struct BrokenLink: Hashable, CustomStringConvertible {
        public var page: String
        public var href: String
        public var reason: String
        public var description: String { "\(page): \(href) (\(reason))" }
    }

    /// Every HTML file, relative to the root, sorted.
    public func htmlFiles() -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = e.nextObject() as? String {
            if path.hasSuffix(".html") { result.append(path) }
        }
        return result.sorted()
    }

    public static func attribute(_ name: String, in html: String) -> [String] {
        var result: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let range = rest.range(of: marker) {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            result.append(String(after[..<end]))
            rest = after[end...]
        }
        return result
    }

    public func brokenLinks() -> [BrokenLink] {
        var broken: [BrokenLink] = []
        var idCache: [String: Set<String>] = [:]
        func ids(_ file: String) -> Set<String>? {
            if let cached = idCache[file] { return cached }
            guard let html = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else {
                return nil
            }
            let set = Set(Self.attribute("id", in: html))
            idCache[file] = set
            return set
        }
        // Each edition has its own 404 page, whose links start from the base URL (see renderNotFound).
        for page in htmlFiles() where page != "404.html" && !page.hasSuffix("/404.html") {
            guard let html = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else {
                continue
            }
            let folder = (page as NSString).deletingLastPathComponent
            for href in Self.attribute("href", in: html) + Self.attribute("src", in: html) {
                if href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("mailto:")
                    || href.hasPrefix("data:") || href.isEmpty
                {
                    continue
                }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
                var target: String
                if pathPart.isEmpty {
                    target = page
                } else {
                    let joined = ((folder as NSString).appendingPathComponent(pathPart) as NSString).standardizingPath
                    if joined.hasPrefix("..") || joined.hasPrefix("/") {
                        broken.append(BrokenLink(page: page, href: href, reason: "leaves the site"))
                        continue
                    }
                    target = joined == "." ? "" : joined
                    var isDirectory: ObjCBool = false
                    let full = root.appendingPathComponent(target).path
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                        // Served, a folder shows its index.html; opened from disk, a folder listing.
                        broken.append(
                            BrokenLink(page: page, href: href, reason: "links to a folder, not its index.html"))
                        continue
                    }
                    if !FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) {
                        broken.append(BrokenLink(page: page, href: href, reason: "no such file"))
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                    if !(ids(target)?.contains(fragment) ?? false) {
                        broken.append(BrokenLink(page: page, href: href, reason: "no element with id \(fragment)"))
                    }
                }
            }
        }
        return broken
    }
}
