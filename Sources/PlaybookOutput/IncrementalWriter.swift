import Foundation
import PlaybookModel

/// Keeps an output folder in step with a site that changes a few files at a time, for `serve`.
///
/// The first write goes through `OutputWriter` (temporary folder, then swap). Later writes touch
/// only files whose bytes changed, each replaced by rename so a reader never sees half a file,
/// and keep the folder's manifest current, so a later `build` still tells Playbook's files from
/// the user's. A digest per path stands in for the previous bytes, so the site is not held in
/// memory twice.
package struct IncrementalWriter: Sendable {
    package let destination: URL
    /// The lock `serve` holds on the output for its whole run.
    package let lock: OutputLock?
    private var digests: [String: Int] = [:]

    package init(destination: URL, lock: OutputLock? = nil) {
        self.destination = OutputPlacement.resolved(destination)
        self.lock = lock
    }

    /// Writes `files` as the complete content of the destination folder.
    package mutating func writeAll(_ files: [OutputFile]) throws {
        try OutputWriter(destination: destination, lock: lock).write(files)
        digests = Dictionary(files.map { ($0.path, Self.digest($0)) }, uniquingKeysWith: { _, last in last })
    }

    /// Writes the complete content of the destination folder, in the batches `render` hands to
    /// the function it is given. `inPlace` (a folder the caller made for itself, empty): each
    /// batch is written where it belongs as it comes, so the first pages can be served while the
    /// rest render. Otherwise the site is staged and swapped in whole (`OutputWriter`).
    package mutating func writeAll<Made>(
        inPlace: Bool, _ render: (_ emit: ([OutputFile]) throws -> Void) throws -> Made
    )
        throws -> Made
    {
        guard inPlace else {
            let staging = try OutputWriter(destination: destination, lock: lock).begin()
            var digests: [String: Int] = [:]
            do {
                let made = try render { batch in
                    try staging.add(batch)
                    for file in batch { digests[file.path] = Self.digest(file) }
                }
                try staging.commit()
                self.digests = digests
                return made
            } catch {
                staging.discard()
                throw error
            }
        }
        // An empty manifest first ("Playbook wrote every visible file here", true of a folder
        // the caller made empty): a serve killed before the last batch leaves a folder the next
        // build knows as its own.
        let marker = destination.appendingPathComponent(OutputWriter.marker).path
        try Self.replace(marker, with: [], reporting: marker)
        let made = try render { batch in _ = try write(batch, manifest: false) }
        try writeManifest()
        return made
    }

    /// Writes each file whose bytes differ from what was last written; returns the paths written.
    package mutating func write(_ files: [OutputFile]) throws -> [String] {
        try write(files, manifest: true)
    }

    private mutating func write(_ files: [OutputFile], manifest: Bool) throws -> [String] {
        var written: [String] = []
        var added = false
        for file in files {
            let digest = Self.digest(file)
            guard digests[file.path] != digest else { continue }
            if digests[file.path] == nil { added = true }
            let url = try OutputWriter.safeURL(for: file.path, in: destination)
            if digests[file.path] == nil, FileTree.kind(url.path) != .missing {
                throw PlaybookError(
                    stage: "write", path: file.path,
                    message:
                        "the output already holds `\(file.path)`, which Playbook did not write; move or rename it (or the page of that name)"
                )
            }
            // The folder itself is never made again here: once it is gone (a stopping `serve`
            // removed its temporary output), a rebuild still running must not bring it back.
            guard FileTree.kind(destination.path) == .folder else {
                throw PlaybookError(
                    stage: "write", path: destination.path,
                    message: "the output folder is gone; nothing more is written")
            }
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw PlaybookError(
                    stage: "write", path: file.path, message: "cannot create its folder: \(error.localizedDescription)")
            }
            try Self.replace(url.path, with: file.bytes, copying: file.origin, reporting: file.path)
            digests[file.path] = digest
            written.append(file.path)
        }
        // The manifest lists paths, not bytes: a save that rewrites known files leaves it as is.
        if added && manifest { try writeManifest() }
        return written
    }

    /// Deletes the given output files, and folders they leave empty; returns the paths deleted.
    package mutating func remove(_ paths: [String]) throws -> [String] {
        let fm = FileManager.default
        var removed: [String] = []
        for path in paths where digests[path] != nil {
            let url = try OutputWriter.safeURL(for: path, in: destination)
            try? fm.removeItem(at: url)
            digests[path] = nil
            removed.append(path)
            var folder = url.deletingLastPathComponent().standardizedFileURL
            while folder.path.count > destination.path.count,
                (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
            {
                try? fm.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        if !removed.isEmpty { try writeManifest() }
        return removed
    }

    private func writeManifest() throws {
        let url = destination.appendingPathComponent(OutputWriter.marker)
        try Self.replace(url.path, with: OutputManifest.encode(digests.keys), reporting: url.path)
    }

    /// Replaces the file at `path` by renaming a complete copy over it, so a reader never sees
    /// half a file. The copy's name (`OutputManifest.temporaryName`) is one a later build knows
    /// as Playbook's: a copy left by a killed `serve` is never carried over as the user's.
    static func replace(_ path: String, with bytes: [UInt8], copying origin: FileOrigin? = nil, reporting shown: String)
        throws
    {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/" + OutputManifest.temporaryName(for: (path as NSString).lastPathComponent)
        guard OutputWriter.writeFile(temporary, bytes, copying: origin), rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PlaybookError(stage: "write", path: shown, message: "cannot write the file: \(reason)")
        }
    }

    /// The bytes' digest, or for a file copied from disk its origin (path, size, change time).
    static func digest(_ file: OutputFile) -> Int {
        guard let origin = file.origin else { return digest(file.bytes) }
        return origin.hashValue
    }

    static func digest(_ bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(bytes.count)
        return hasher.finalize()
    }
}
