// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Derive",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "render", targets: ["render"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.2"),
        // Only SwiftParser and SwiftSyntax: the cells' top-level declarations (issue 12).
        .package(url: "https://github.com/swiftlang/swift-syntax.git", exact: "603.0.1"),
        // `render serve`: an HTTP/1.1 server on SwiftNIO (NIOHTTP1's parser). FlyingFox was used
        // before: it imports FoundationNetworking, whose libcurl and its 30 libraries loaded at
        // every start of `render` cost 6–8 ms a run, serving or not.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CCmarkBridge", dependencies: ["CCmarkGFM"]),
        .target(name: "Document", dependencies: ["CCmarkGFM", "CCmarkBridge"]),
        .target(name: "Calculus"),
        .target(name: "Markup"),
        .target(name: "TeX", dependencies: ["Calculus", "Markup"]),
        .target(name: "Diagram"),
        .target(
            name: "Notebook",
            dependencies: ["Document", "TeX", "Calculus", "Diagram", "Cells", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Cells",
            dependencies: [
                "Document", "Calculus",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ]
        ),
        .target(name: "Report", dependencies: ["Cells", "Notebook", "Document", "TeX", "Calculus", "Diagram", "Markup"]),
        // `render serve`: serves the output folder on 127.0.0.1, never a file outside it, and
        // tells open pages to reload after their note is rebuilt (Server-Sent Events).
        .target(
            name: "Serve",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "render",
            dependencies: [
                "Document", "TeX", "Calculus", "Notebook", "Report", "Markup", "Cells", "Serve", "CAllocatorSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
                // derive.yml, a course's configuration (CourseConfiguration).
                .product(name: "Yams", package: "Yams"),
            ],
            // jemalloc in place of glibc's malloc: a render allocates millions of small
            // objects from two threads, and `scripts/bench` runs ~15% faster with it. Its
            // settings (CAllocatorSettings) are a global it looks up in the executable's
            // dynamic symbols, where it is put by name.
            linkerSettings: [
                .linkedLibrary("jemalloc", .when(platforms: [.linux])),
                .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=malloc_conf"], .when(platforms: [.linux])),
            ]
        ),
        // The allocator's settings, read by jemalloc before main (allocator_settings.c).
        .target(name: "CAllocatorSettings"),
        .executableTarget(name: "calculus-bench", dependencies: ["Calculus"]),
        // Runs a command and prints its peak memory: the pathological tests' memory bound.
        .executableTarget(name: "peak-memory"),
        // The learning-cycle benchmark (scripts/bench-cycle): a run of update rules against a
        // loop written in Swift.
        .executableTarget(name: "cycle-bench", dependencies: ["Document", "Notebook", "TestSupport"]),
        // What several test targets (and the cycle benchmark) share (test targets cannot import each other): the reader of
        // spec files in cmark's example format, a seeded random number generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DocumentTests", dependencies: ["Document", "CCmarkGFM", "TestSupport"]),
        .testTarget(name: "CalculusTests", dependencies: ["Calculus", "TestSupport"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "TeXTests", dependencies: ["TeX", "Calculus", "TestSupport"]),
        .testTarget(name: "DiagramTests", dependencies: ["Diagram", "TestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"], exclude: ["Spec"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook", "Document", "Diagram", "TestSupport", "CCmarkGFM"]),
        .testTarget(name: "CellsTests", dependencies: ["Cells", "Document", "Calculus"]),
        .testTarget(name: "RenderTests", dependencies: ["render", "peak-memory", "TestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
