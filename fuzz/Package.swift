// swift-tools-version:6.0
// Playbook's libFuzzer targets: one executable per input surface, each built against the main
// package with `-sanitize=fuzzer,address` by fuzz/run.sh. Kept apart so the main package's
// build and tests never need the sanitizers (see fuzz/README.md).
import PackageDescription

let stages = Target.Dependency.product(name: "PlaybookStages", package: "Playbook")
// Each target is its own executable with the shared libFuzzer driver.
func target(_ name: String) -> Target { .executableTarget(name: name, dependencies: [stages, "FuzzDriver"]) }

let package = Package(
    name: "PlaybookFuzz",
    dependencies: [.package(name: "Playbook", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        target("FuzzFrontMatter"),
        target("FuzzMarkdown"),
        target("FuzzCheck"),
        target("FuzzPlaceholders"),
        target("FuzzMerge"),
    ],
    swiftLanguageModes: [.v5]
)
