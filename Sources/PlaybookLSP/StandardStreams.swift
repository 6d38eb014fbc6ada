import Dispatch
import Foundation
import PlaybookModel

/// Serves the protocol on standard input and output: one thread reads and frames, one serial
/// queue runs the server (debounced checks included), writes go out whole under a lock.
package enum StandardStreams {
    /// Serves until the client sends `exit` or closes standard input; returns the exit status
    /// (0 after `shutdown`, 1 otherwise, as the protocol asks).
    package static func serve(version: String, language: Language? = nil) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "playbook.lsp")
        let output = Output()
        let server = LanguageServer(
            version: version, language: language,
            send: { message in output.write(MessageFramer.frame(Array(message.rendered().utf8))) },
            schedule: { delay, work in
                let job = Job(work)
                queue.asyncAfter(deadline: .now() + delay) { job.run() }
            })
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            framer.append(buffer[0..<count])
            while let frame = framer.next() {
                queue.async {
                    server.receive(frame)
                    if let code = server.exitCode { exit(code) }
                }
            }
        }
        // Standard input closed without `exit`: finish what arrived, then stop.
        return queue.sync { server.exitCode ?? server.statusAtEndOfInput }
    }

    /// Work for the server's queue; only ever run there.
    /// Unchecked: made on the server's queue (`schedule`) and run there, so never by two threads.
    final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Standard output, one message at a time. Unchecked: it holds nothing but `lock`, which keeps each message whole.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()

        func write(_ bytes: [UInt8]) {
            lock.lock()
            defer { lock.unlock() }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                // The client is gone; nobody is left to serve.
                guard written > 0 else { exit(1) }
                offset += written
            }
        }
    }
}

extension LanguageServer {
    /// The exit status when the client closes standard input without `exit`: 0 after
    /// `shutdown`, 1 before.
    package var statusAtEndOfInput: Int32 { state == .shutDown ? 0 : 1 }
}
