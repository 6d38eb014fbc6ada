import Foundation

/// Reading a child process's pipe, for the load stage's `git log` and for the tests that run
/// `playbook` itself.
package enum PipeReader {
    /// Reads `fd` to its end. `FileHandle.readDataToEndOfFile` traps when a signal interrupts
    /// the read (another child process exiting is enough), so an interrupted read is retried.
    package static func readAll(_ fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                data += buffer[..<n]
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
