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
    ],
    targets: [
        .systemLibrary(
            // No pkgConfig: SwiftPM warns that it drops the -D_XOPEN_SOURCE flags of
            // ncursesw.pc on every build; shim.h defines what they would have, and the
            // module map links the library.
            name: "CNcursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "InterviewKit",
            resources: [.copy("Resources/Banks")]
        ),
        .target(
            name: "InterviewTUI",
            dependencies: ["InterviewKit", "CNcursesW"]
        ),
        .executableTarget(
            name: "interview",
            dependencies: [
                "InterviewKit",
                "InterviewTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "interview-bench",
            dependencies: ["InterviewKit", "InterviewTUI"],
            path: "Benchmarks/InterviewBench"
        ),
        .testTarget(name: "InterviewKitTests", dependencies: ["InterviewKit"]),
        .testTarget(name: "InterviewTUITests", dependencies: ["InterviewTUI", "InterviewKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["InterviewKit"]),
    ],
    swiftLanguageModes: [.v6]
)
