// swift-tools-version:6.0
// Playbook: a static site generator for community playbooks.
// One module per pipeline stage; dependencies point one way, each tier on the tiers before it
// (README.md, "How it is built", draws the whole graph; .ci/check-modules.py keeps both true):
// Model, Template ← Source, Markdown, Editions, Check, Output ← Render, Report, Replication ← Engine ← Scaffold, Serve ← LSP ← CLI ← playbook.
import PackageDescription

let package = Package(
    name: "Playbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "playbook", targets: ["playbook"]),
        // The stages as a library, for the nested fuzz/ package (fuzz/README.md); not an API.
        .library(
            name: "PlaybookStages",
            targets: [
                "PlaybookModel", "PlaybookSource", "PlaybookMarkdown", "PlaybookCheck", "PlaybookReplication",
                "PlaybookEngine",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev", "libopencc-data"]), .brew(["opencc"])]
        ),
        .target(name: "PlaybookModel"),
        .target(name: "PlaybookTemplate"),
        .target(name: "PlaybookEditions", dependencies: ["PlaybookModel", "COpenCC"]),
        .target(
            name: "PlaybookSource",
            dependencies: ["PlaybookModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "PlaybookMarkdown", dependencies: ["PlaybookModel", "CCmarkGFM"]),
        .target(name: "PlaybookCheck", dependencies: ["PlaybookModel"]),
        .target(name: "PlaybookReport", dependencies: ["PlaybookModel", "PlaybookCheck"]),
        .target(
            name: "PlaybookRender",
            dependencies: ["PlaybookModel", "PlaybookMarkdown", "PlaybookTemplate"],
            resources: [.embedInCode("Theme")]
        ),
        .target(name: "PlaybookOutput", dependencies: ["PlaybookModel"]),
        .target(name: "PlaybookReplication", dependencies: ["PlaybookModel", "PlaybookSource"]),
        .target(
            name: "PlaybookEngine",
            dependencies: [
                "PlaybookModel", "PlaybookSource", "PlaybookMarkdown", "PlaybookEditions", "PlaybookCheck",
                "PlaybookReport", "PlaybookRender", "PlaybookOutput", "PlaybookReplication",
            ]
        ),
        .target(
            name: "PlaybookServe",
            dependencies: [
                "PlaybookModel", "PlaybookOutput", "PlaybookEngine",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PlaybookScaffold",
            dependencies: [
                "PlaybookModel", "PlaybookSource", "PlaybookCheck", "PlaybookOutput", "PlaybookReplication",
                "PlaybookEngine",
            ],
            resources: [.embedInCode("Starter")]
        ),
        .target(
            name: "PlaybookLSP",
            dependencies: [
                "PlaybookModel", "PlaybookSource", "PlaybookCheck", "PlaybookEngine", "PlaybookScaffold",
            ]
        ),
        .target(
            name: "PlaybookCLI",
            dependencies: [
                "PlaybookModel", "PlaybookSource", "PlaybookCheck", "PlaybookReport", "PlaybookReplication",
                "PlaybookEngine", "PlaybookServe", "PlaybookScaffold", "PlaybookLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "playbook", dependencies: ["PlaybookCLI"]),
        .target(name: "TestSupport", dependencies: ["PlaybookModel", "PlaybookSource"], path: "Tests/TestSupport"),
        .testTarget(name: "PlaybookSourceTests", dependencies: ["PlaybookSource", "PlaybookModel", "TestSupport"]),
        .testTarget(
            name: "PlaybookMarkdownTests",
            dependencies: ["PlaybookMarkdown", "PlaybookSource", "PlaybookModel", "TestSupport"],
            exclude: ["Goldens", "CmarkGFM"]),
        .testTarget(
            name: "PlaybookCheckTests",
            dependencies: [
                "PlaybookCheck", "PlaybookReport", "PlaybookEngine", "PlaybookSource", "PlaybookModel", "TestSupport",
            ]),
        .testTarget(
            name: "PlaybookRenderTests",
            dependencies: [
                "PlaybookRender", "PlaybookEngine", "PlaybookCheck", "PlaybookMarkdown", "PlaybookSource",
                "PlaybookModel", "TestSupport",
            ],
            exclude: ["Goldens"]),
        .testTarget(name: "PlaybookTemplateTests", dependencies: ["PlaybookTemplate", "PlaybookModel"]),
        .testTarget(
            name: "PlaybookEditionsTests",
            dependencies: ["PlaybookEditions", "PlaybookMarkdown", "PlaybookSource", "PlaybookModel", "TestSupport"],
            exclude: ["Corpus"]),
        .testTarget(
            name: "PlaybookOutputTests",
            dependencies: ["PlaybookOutput", "PlaybookModel", "PlaybookSource", "TestSupport"]),
        .testTarget(
            name: "PlaybookScaffoldTests",
            dependencies: [
                "PlaybookScaffold", "PlaybookReplication", "PlaybookEngine", "PlaybookCheck", "PlaybookSource",
                "PlaybookModel", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlaybookEngineTests",
            dependencies: [
                "PlaybookEngine", "PlaybookCheck", "PlaybookOutput", "PlaybookRender", "PlaybookSource",
                "PlaybookModel",
                "TestSupport",
            ]),
        .testTarget(name: "PlaybookServeTests", dependencies: ["PlaybookServe", "PlaybookModel", "TestSupport"]),
        .testTarget(
            name: "PlaybookLSPTests",
            dependencies: ["PlaybookLSP", "PlaybookEngine", "PlaybookCheck", "PlaybookModel", "TestSupport"]),
        .testTarget(
            name: "PlaybookCLITests",
            dependencies: ["PlaybookCLI", "TestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "PlaybookEngine", "PlaybookCLI", "PlaybookScaffold", "PlaybookCheck", "PlaybookMarkdown",
                "PlaybookSource", "PlaybookModel", "playbook", "TestSupport",
            ],
            exclude: ["Cases"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
