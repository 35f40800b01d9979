// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "interview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "interview", targets: ["interview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The C side of the ncurses backend (include/CNcursesW.h says what and why).
        // No pkgConfig: SwiftPM warns that it drops the -D_XOPEN_SOURCE flags of
        // ncursesw.pc on every build; the header defines what they would have.
        .target(
            name: "CNcursesW",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // GitHub's CommonMark parser, for `interview import` only (include/CCmarkGFM.h).
        // Linked statically on Linux (`-l:lib….a`), so that an installed binary runs where
        // the library is not: docs/import.md says why. macOS links Homebrew's as it comes.
        .target(
            name: "CCmarkGFM",
            linkerSettings: [
                .linkedLibrary(":libcmark-gfm-extensions.a", .when(platforms: [.linux])),
                .linkedLibrary(":libcmark-gfm.a", .when(platforms: [.linux])),
                .linkedLibrary("cmark-gfm-extensions", .when(platforms: [.macOS])),
                .linkedLibrary("cmark-gfm", .when(platforms: [.macOS])),
            ]
        ),
        // SQLite's C API, for the index of session files (include/CSQLite.h, docs/index.md).
        // Linked statically on Linux, as cmark-gfm is; macOS has its own SQLite.
        .target(
            name: "CSQLite",
            linkerSettings: [
                .linkedLibrary(":libsqlite3.a", .when(platforms: [.linux])),
                .linkedLibrary("m", .when(platforms: [.linux])),
                .linkedLibrary("dl", .when(platforms: [.linux])),
                .linkedLibrary("pthread", .when(platforms: [.linux])),
                .linkedLibrary("sqlite3", .when(platforms: [.macOS])),
            ]
        ),
        // libyaml, the reference YAML parser, for a bank's front matter (include/CYAML.h).
        // Not Yams, its Swift wrapper: that needs full Foundation, and so ICU (docs/install.md).
        // Linked statically on Linux, as CCmarkGFM is; macOS links Homebrew's.
        .target(
            name: "CYAML",
            linkerSettings: [
                .linkedLibrary(":libyaml.a", .when(platforms: [.linux])),
                .linkedLibrary("yaml", .when(platforms: [.macOS])),
            ]
        ),
        .target(
            name: "InterviewThemes",
            path: "Themes",
            // The built-in themes, every `Themes/NAME.toml`, compiled in by EmbedResources.
            plugins: ["EmbedResources"]
        ),
        // The pure core: the session model, its events and fold, the engine, clocks, plan,
        // the bank model and parser, text, the theme model. No file I/O (docs/architecture.md).
        .target(
            name: "InterviewCore",
            dependencies: [
                "InterviewThemes",
                "CYAML",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Files: the session store, saver, lock and follower, config.toml, bank files, paths.
        .target(
            name: "InterviewStore",
            dependencies: ["InterviewCore", .product(name: "TOMLKit", package: "TOMLKit")],
            // The built-in banks, `Resources/Banks/NAME.md`, compiled in by EmbedResources.
            plugins: ["EmbedResources"]
        ),
        // `interview import`: an article in, a bank out.
        .target(
            name: "InterviewImport",
            dependencies: ["InterviewCore", "CCmarkGFM"]
        ),
        // Reports, stats, debrief, scorecard.
        .target(
            name: "InterviewReports",
            dependencies: ["InterviewCore", "InterviewStore"]
        ),
        // forget, anonymize, redact, purge.
        .target(
            name: "InterviewPrivacy",
            dependencies: ["InterviewCore", "InterviewStore", "InterviewReports"]
        ),
        .target(
            name: "InterviewTUI",
            dependencies: ["InterviewCore", "InterviewStore", "InterviewReports"]
        ),
        // The terminal protocol's ncurses implementation: the only importer of CNcursesW.
        .target(
            name: "InterviewTerminal",
            dependencies: ["InterviewCore", "InterviewTUI", "CNcursesW"]
        ),
        // The index of session files in SQLite: a cache that `stats` reads (docs/index.md).
        .target(
            name: "InterviewIndex",
            dependencies: [
                "InterviewCore", "InterviewStore", "InterviewReports", "InterviewPrivacy", "CSQLite",
            ]
        ),
        .executableTarget(
            name: "interview",
            dependencies: [
                "InterviewCore",
                "InterviewStore",
                "InterviewImport",
                "InterviewReports",
                "InterviewPrivacy",
                "InterviewIndex",
                "InterviewTUI",
                "InterviewTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded sample sessions for the benchmarks and the tests; not part of the program.
        .target(
            name: "InterviewSamples",
            dependencies: ["InterviewCore"]
        ),
        .executableTarget(
            name: "interview-bench",
            dependencies: [
                "InterviewCore", "InterviewStore", "InterviewReports", "InterviewPrivacy", "InterviewTUI", "InterviewSamples",
            ],
            path: "Benchmarks/InterviewBench"
        ),
        // What the first frame cannot beat, timed by `scripts/bench` beside interview.
        .executableTarget(
            name: "first-frame-floor",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/FirstFrameFloor"
        ),
        // Compiles a target's files that are not Swift sources into it (Plugins/).
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .executableTarget(name: "embed-resources", path: "Plugins/EmbedResourcesTool"),
        // The tests' check of every JSON document the program writes against docs/schema.
        .target(name: "SchemaCheck", path: "Tests/SchemaCheck"),
        .testTarget(
            name: "InterviewKitTests",
            dependencies: [
                "InterviewCore", "InterviewStore", "InterviewImport", "InterviewReports", "InterviewPrivacy", "InterviewSamples",
                "SchemaCheck",
            ],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "InterviewIndexTests",
            dependencies: [
                "InterviewIndex", "InterviewCore", "InterviewStore", "InterviewReports", "InterviewPrivacy", "InterviewSamples",
            ]
        ),
        .testTarget(
            name: "InterviewTUITests",
            dependencies: ["InterviewTUI", "InterviewCore", "InterviewStore", "InterviewReports", "SchemaCheck"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "InterviewTerminalTests", dependencies: ["InterviewTerminal", "InterviewTUI", "InterviewCore"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["InterviewCore", "InterviewStore", "InterviewReports", "InterviewPrivacy", "SchemaCheck"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The program's modules see only the members of what they import themselves: a module that
// another one loads (Foundation, by a dependency) cannot lend them its members unseen, so the
// program stays on FoundationEssentials (docs/architecture.md).
for target in package.targets where target.path == nil && [.regular, .executable].contains(target.type) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
