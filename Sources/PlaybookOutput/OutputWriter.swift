// PlaybookOutput: stage 5, WRITE. Puts rendered files on disk all at once: the site is written
// into a temporary folder beside the output and swapped in only when every file is written,
// so a failed or interrupted build leaves the previous site as it was.
import Dispatch
import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct OutputWriter: Sendable {
    /// A file Playbook leaves in every output folder, so it never replaces a folder it did not make.
    public static let marker = ".playbook-output"

    public var destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Writes `files` as the complete new content of the destination folder.
    public func write(_ files: [OutputFile]) throws {
        let staging = try begin()
        do {
            try staging.add(files)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Starts a new site in a temporary folder beside the destination. Add files in batches as
    /// they are rendered, so a large site never has to be held in memory whole, then `commit`.
    public func begin() throws -> Staging {
        try checkDestinationIsOurs()
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = Staging(
            root: parent.appendingPathComponent(".\(name).playbook-new-\(pid)"),
            aside: parent.appendingPathComponent(".\(name).playbook-old-\(pid)"), destination: destination)
        try? fm.removeItem(at: staging.root)
        try fm.createDirectory(at: staging.root, withIntermediateDirectories: true)
        return staging
    }

    /// A site being written; nothing is visible at the destination until `commit`.
    public final class Staging {
        let root: URL
        let aside: URL
        let destination: URL
        private var created: Set<String> = [""]

        init(root: URL, aside: URL, destination: URL) {
            self.root = root
            self.aside = aside
            self.destination = destination
        }

        /// Writes a batch of files into the staging folder.
        public func add(_ files: [OutputFile]) throws {
            let fm = FileManager.default
            // Folders first (in order, so parents exist), then the files on every core.
            for file in files {
                _ = try OutputWriter.safeURL(for: file.path, in: root)
                var folder = Substring(file.path)
                folder = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
                if created.contains(String(folder)) { continue }
                try fm.createDirectory(atPath: root.path + "/" + folder, withIntermediateDirectories: true)
                var f = folder
                while !f.isEmpty, created.insert(String(f)).inserted {
                    f = f[..<(f.lastIndex(of: "/") ?? f.startIndex)]
                }
            }
            if let failed = OutputWriter.writeAll(files, into: root.path).first {
                throw PlaybookError(stage: "write", path: failed, message: "cannot write the file")
            }
        }

        /// Swaps the staged site into place: old → aside, new → place, then drops the old one.
        public func commit() throws {
            let fm = FileManager.default
            fm.createFile(atPath: root.appendingPathComponent(OutputWriter.marker).path, contents: Data())
            try? fm.removeItem(at: aside)
            let hadOld = fm.fileExists(atPath: destination.path)
            if hadOld { try fm.moveItem(at: destination, to: aside) }
            do {
                try fm.moveItem(at: root, to: destination)
            } catch {
                if hadOld { try? fm.moveItem(at: aside, to: destination) }
                discard()
                throw PlaybookError(
                    stage: "write", path: destination.path,
                    message: "cannot move the new site into place: \(error.localizedDescription)")
            }
            if hadOld { try? fm.removeItem(at: aside) }
        }

        /// Removes the staging folder; the destination is untouched.
        public func discard() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// Writes every file with plain POSIX calls, spread over all cores; returns the paths that failed.
    static func writeAll(_ files: [OutputFile], into root: String) -> [String] {
        var failed = [Bool](repeating: false, count: files.count)
        failed.withUnsafeMutableBufferPointer { flags in
            let base = flags.baseAddress!
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                (base + i).pointee = !writeFile(root + "/" + files[i].path, files[i].bytes)
            }
        }
        return zip(files, failed).filter(\.1).map(\.0.path)
    }

    /// Writes `bytes` to `path`, creating or truncating it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Refuses to replace a folder that holds files but was not made by Playbook.
    func checkDestinationIsOurs() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw PlaybookError(
                stage: "write", path: destination.path,
                message: "the output path is a file, not a folder; choose another --output")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
        if entries.isEmpty || entries.contains(Self.marker) { return }
        throw PlaybookError(
            stage: "write", path: destination.path,
            message:
                "the output folder exists and was not made by Playbook; refusing to replace it. Choose another --output, or empty the folder first"
        )
    }

    /// The URL for a site-relative output path, refusing paths that would escape the folder.
    static func safeURL(for path: String, in root: URL) throws -> URL {
        let parts = path.split(separator: "/")
        if path.hasPrefix("/") || parts.contains("..") || parts.isEmpty {
            throw PlaybookError(stage: "write", path: path, message: "refusing to write outside the output folder")
        }
        return root.appendingPathComponent(path)
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
