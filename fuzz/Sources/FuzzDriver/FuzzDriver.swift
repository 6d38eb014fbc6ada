// The libFuzzer driver every target starts, in one place.
import Foundation

/// What libFuzzer calls with each input: the bytes and their count; returns 0.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: FuzzTarget
) -> CInt

/// Runs libFuzzer over `target` with the program's arguments, then exits with its status.
///
/// SwiftPM links an executable's top-level code as the program's `main` (it renames the entry
/// point of every executable), so each target's `main.swift` calls this to start libFuzzer's
/// driver itself. The target must still export its function as `LLVMFuzzerTestOneInput`
/// (`@_cdecl`): libFuzzer's own `main`, which the linker pulls in too, needs that symbol.
public func runFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, target))
}
