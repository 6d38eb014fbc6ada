import Foundation

/// Maps a request path to a file inside the output folder, refusing anything that could leave it.
///
/// Each segment is percent-decoded on its own and refused when it decodes to `.`, `..` or holds
/// a slash, backslash or NUL, so `%2e%2e` and `%2f` cannot smuggle a traversal past the split.
/// The candidate is then resolved with `realpath` and must still lie below the folder's own real
/// path, which catches symbolic links that lead out.
struct OutputResolver: Sendable {
    enum Resolution: Equatable {
        /// Absolute real path of the file to send.
        case file(String)
        /// A folder asked for without its trailing slash: send the browser to `location`.
        case redirect(location: String)
        case notFound
        /// The path tries to leave the output folder or is malformed.
        case refused
    }

    /// Real path of the output folder, without a trailing slash.
    let rootPath: String

    init(root: URL) {
        rootPath = Self.realPath(root.path) ?? root.standardizedFileURL.path
    }

    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .refused }
        var decoded: [String] = []
        var encoded: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let name = segment.removingPercentEncoding, !name.isEmpty, name != ".", name != "..",
                !name.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { return .refused }
            decoded.append(name)
            encoded.append(segment)
        }
        let candidate = ([rootPath] + decoded).joined(separator: "/")
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard real == rootPath || real.hasPrefix(rootPath + "/") else { return .refused }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .notFound }
        if !isDirectory.boolValue {
            return rawPath.hasSuffix("/") ? .notFound : .file(real)
        }
        // Rebuilt from the checked segments, never from the raw path, so `//host` cannot become
        // an off-site redirect.
        guard rawPath.hasSuffix("/") else {
            return .redirect(location: "/" + encoded.map(String.init).joined(separator: "/") + "/")
        }
        // No listings: a folder is served only through its index.html.
        guard let index = Self.realPath(real + "/index.html"), index.hasPrefix(rootPath + "/") else {
            return .notFound
        }
        var indexIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: index, isDirectory: &indexIsDirectory), !indexIsDirectory.boolValue
        else { return .notFound }
        return .file(index)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `Content-Type` values by file extension; text types carry `charset=utf-8`.
enum ContentType {
    static func forPath(_ path: String) -> String {
        let ext = path.split(separator: "/").last.flatMap { name in
            name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]).lowercased() }
        }
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "yml", "yaml": return "application/yaml; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "pdf": return "application/pdf"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }
}
