// swift-tools-version:6.0
// Playbook's libFuzzer targets: one executable per input surface, each built against the main
// package with `-sanitize=fuzzer,address` by fuzz/run.sh. Kept apart so the main package's
// build and tests never need the sanitizers (see fuzz/README.md).
import PackageDescription

let stages = Target.Dependency.product(name: "PlaybookStages", package: "Playbook")

let package = Package(
    name: "PlaybookFuzz",
    dependencies: [.package(name: "Playbook", path: "..")],
    targets: [
        .executableTarget(name: "FuzzFrontMatter", dependencies: [stages]),
        .executableTarget(name: "FuzzMarkdown", dependencies: [stages]),
        .executableTarget(name: "FuzzCheck", dependencies: [stages]),
        .executableTarget(name: "FuzzPlaceholders", dependencies: [stages]),
        .executableTarget(name: "FuzzMerge", dependencies: [stages]),
    ],
    swiftLanguageModes: [.v5]
)
